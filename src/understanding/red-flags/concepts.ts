// Finds red-flag concepts in a message: each concept's terms in English, Spanish and French, matched on
// lemma keys (src/text/lemmas.ts), so one term covers its plural, verb forms and contractions.
// A mention that sits inside one of the concept's idioms ("dying to try it") is dropped here.
import type { RedFlags } from '../../knowledge/schema';
import { LANGUAGES, type Language, type LemmaText } from '../../text/lemmas';
import { MultilingualMatcher, type LanguagePhrases } from '../../text/multilingual';

/** A concept's words may sit a little further apart than a cue's: "la bouche de mon père s'est déformée". */
const CONCEPT_GAP = 5;

const ENGLISH: readonly Language[] = ['en'];

export interface ConceptMention {
  concept: string;
  /** The term that matched, as written in data: context reads which words belong to the term itself. */
  term: string;
  start: number;
  end: number;
}

export class ConceptFinder {
  private readonly terms: MultilingualMatcher<{ concept: string; term: string }>;
  private readonly idioms: MultilingualMatcher<string>;

  constructor(concepts: RedFlags['concepts']) {
    const entries = Object.entries(concepts);
    this.terms = new MultilingualMatcher(
      entries.flatMap(([concept, c]) =>
        LANGUAGES.flatMap((language) =>
          c.terms[language].map((term): [{ concept: string; term: string }, LanguagePhrases] => [
            { concept, term },
            { [language]: [term] },
          ]),
        ),
      ),
      true,
      CONCEPT_GAP,
    );
    this.idioms = new MultilingualMatcher(
      entries.map(([id, c]) => [id, c.idioms]),
      true,
      CONCEPT_GAP,
    );
  }

  find(text: LemmaText): ConceptMention[] {
    // An English message is read with English terms (Spanish and French ones would only add chance
    // matches and cost); any other message with every language's terms, as people mix them.
    const languages = text.english ? ENGLISH : undefined;
    const found = this.terms.findAll(text, languages);
    if (found.length === 0) return [];
    const idioms = this.idioms.findAll(text, languages);
    return found
      .filter((m) => !idioms.some((i) => i.value === m.value.concept && i.start < m.end && m.start < i.end))
      .map((m) => ({ concept: m.value.concept, term: m.value.term, start: m.start, end: m.end }));
  }
}
