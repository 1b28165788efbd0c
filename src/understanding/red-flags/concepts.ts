// Finds red-flag concepts in a message: each concept's terms in English, Spanish and French, matched on
// lemma keys (src/text/lemmas.ts), so one term covers its plural, verb forms and contractions.
// A mention that sits inside one of the concept's idioms ("dying to try it") is dropped here.
import type { RedFlags } from '../../knowledge/schema';
import { LANGUAGES, keyOf, type Language, type LemmaText } from '../../text/lemmas';
import { MAX_GAP, PhraseMatcher } from '../../text/phrases';

/** A concept's words may sit a little further apart than a cue's: "la bouche de mon père s'est déformée". */
const CONCEPT_GAP = 5;

export interface Found<T> {
  value: T;
  /** The language whose phrase matched. */
  language: Language;
  /** Word positions in the lemma text: [start, end). */
  start: number;
  end: number;
}

export interface ConceptMention {
  concept: string;
  /** The term that matched, as written in data: context reads which words belong to the term itself. */
  term: string;
  start: number;
  end: number;
}

type LanguagePhrases = Partial<Record<Language, readonly string[]>>;

const ENGLISH: readonly Language[] = ['en'];

/**
 * One matcher per language. On lemmas, literal words compare by key in that language; otherwise (context
 * triggers: short function words, where "gone" must not match "going") they compare as written.
 */
export class MultilingualMatcher<T> {
  private readonly matchers: [Language, PhraseMatcher<T>][];

  constructor(
    phrasesByValue: readonly [T, LanguagePhrases | undefined][],
    private readonly onLemmas = true,
    maxGap = MAX_GAP,
  ) {
    this.matchers = LANGUAGES.map((language) => [
      language,
      new PhraseMatcher(
        phrasesByValue.flatMap(([value, phrases]) => (phrases?.[language] ?? []).map((pattern) => ({ pattern, value }))),
        onLemmas ? (word) => keyOf(language, word) : undefined,
        maxGap,
      ),
    ]);
  }

  /** Matches in every language, or in `only` those languages. */
  findAll(text: LemmaText, only?: readonly Language[]): Found<T>[] {
    const found: Found<T>[] = [];
    for (const [language, matcher] of this.matchers) {
      if (only && !only.includes(language)) continue;
      for (const m of matcher.findAll(text.words, this.onLemmas ? text.keys[language] : text.words)) found.push({ value: m.value, start: m.start, end: m.end, language });
    }
    return found;
  }
}

export class ConceptFinder {
  private readonly terms: MultilingualMatcher<{ concept: string; term: string }>;
  private readonly idioms: MultilingualMatcher<string>;

  constructor(concepts: RedFlags['concepts']) {
    const entries = Object.entries(concepts);
    this.terms = new MultilingualMatcher(
      entries.flatMap(([concept, c]) =>
        LANGUAGES.flatMap((language) => c.terms[language].map((term): [{ concept: string; term: string }, LanguagePhrases] => [{ concept, term }, { [language]: [term] }])),
      ),
      true,
      CONCEPT_GAP,
    );
    this.idioms = new MultilingualMatcher(entries.map(([id, c]) => [id, c.idioms]), true, CONCEPT_GAP);
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
