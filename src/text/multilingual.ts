// Phrases in English, Spanish and French matched on a message's lemma keys in each language
// (src/text/lemmas.ts): red-flag concepts and the cues of languages other than English use it.
import { LANGUAGES, keyOf, type Language, type LemmaText } from './lemmas';
import { MAX_GAP, PhraseMatcher } from './phrases';

export interface Found<T> {
  value: T;
  /** The language whose phrase matched. */
  language: Language;
  /** Word positions in the lemma text: [start, end). */
  start: number;
  end: number;
}

export type LanguagePhrases = Partial<Record<Language, readonly string[]>>;

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
      for (const m of matcher.findAll(text.words, this.onLemmas ? text.keys[language] : text.words))
        found.push({ value: m.value, start: m.start, end: m.end, language });
    }
    return found;
  }

  /** The value of a pattern that matches the whole text, in the first language (of `only`) that has one. */
  matchesWhole(text: LemmaText, only?: readonly Language[]): T | undefined {
    for (const [language, matcher] of this.matchers) {
      if (only && !only.includes(language)) continue;
      const value = matcher.matchesWhole(text.words, this.onLemmas ? text.keys[language] : text.words);
      if (value !== undefined) return value;
    }
    return undefined;
  }
}
