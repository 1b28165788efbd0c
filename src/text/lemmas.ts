// Normalised words → lemma keys in English, Spanish and French, so that what people type and the terms
// in data meet on the word's base form: "isn't breathing" and "not breathe", "tablets" and "tablet",
// "ate" and "eat", "respirait" and "respirer" compare equal.
//
// - Contractions and text-speak first, from data (data/language.json): normalised text has lost its
//   apostrophes, so "cant", "isnt" and "rn" are expanded from a table no library holds.
// - English: wink-lemmatizer (WordNet's irregular forms: ate → eat, bled → bleed, children → child),
//   then the Porter2 stemmer (breath, breathe, breathing → breath).
// - Spanish and French: the Snowball stemmers of nlp.js (sangrando, sangre → sangr; saigne, saignement → saign).
// Keys of recent words are kept in a bounded cache: words repeat, and a key costs a few microseconds.
import stemEnglish from 'wink-porter2-stemmer';
import { StemmerEs } from '@nlpjs/lang-es';
import { StemmerFr } from '@nlpjs/lang-fr';
import { LRUCache } from 'lru-cache';
import type { LanguageData } from '../knowledge/schema';
import { readEnglish } from './english';

export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A message's words after contractions are expanded, with each word's key in every language. */
export interface LemmaText {
  readonly words: readonly string[];
  /** Each word's key, by language: every language for a message not in English, English alone for one in English. */
  readonly keys: Readonly<Record<Language, readonly string[]>>;
  /** Whether the message reads as English (most of its words are English words). */
  readonly english: boolean;
  /** The language most of its small words belong to, when one clearly leads. */
  readonly language?: Language;
}

/**
 * A word's English key: the stem of its lemma when WordNet or the lemmatiser knows the word (breathing →
 * breath, is → be), the word itself when neither does (a name, a brand: the stemmer, the costliest step,
 * has nothing to fold there).
 */
function englishKey(word: string, { lemma, known }: { lemma: string; known: boolean }): string {
  return known || lemma !== word ? stemEnglish(lemma) : word;
}

const spanish = new StemmerEs();
const french = new StemmerFr();

/** Keys already worked out, by language: start-up keys every word of thousands of phrases, twice (once to
 * check the data, once to build the matchers), and the same words recur. Cleared when full. */
const knownKeys: Record<Language, Map<string, string>> = { en: new Map(), es: new Map(), fr: new Map() };
const MAX_KNOWN_KEYS = 50_000;

/** The key of one normalised word in one language. */
export function keyOf(language: Language, word: string): string {
  const known = knownKeys[language];
  let key = known.get(word);
  if (key === undefined) {
    if (language === 'en') key = englishKey(word, readEnglish(word));
    else key = language === 'es' ? spanish.stem(word) : french.stem(word);
    if (known.size >= MAX_KNOWN_KEYS) known.clear();
    known.set(word, key);
  }
  return key;
}

const CACHED_WORDS = 20_000;
/** Share of a message's words that must be English for the message to count as English. */
const ENGLISH_SHARE = 0.6;

const NUMBER_AND_UNIT = /^[0-9]+[a-z]+$/;

function splitNumber(word: string): [string, string] {
  let i = 0;
  while (word.charCodeAt(i) >= 48 && word.charCodeAt(i) <= 57) i++;
  return [word.slice(0, i), word.slice(i)];
}

/** What is known of a word: whether it is English, and its key in each language once asked for. */
interface WordFacts {
  english: boolean;
  en?: string;
  es?: string;
  fr?: string;
}

export class Lemmatiser {
  private readonly expansions = new Map<string, string[]>();
  /** Per word: whether it is an English word, and its keys in English, Spanish and French. */
  private readonly cache = new LRUCache<string, WordFacts>({ max: CACHED_WORDS });

  private readonly englishFunctionWords: ReadonlySet<string>;
  private readonly functionWords: [Language, ReadonlySet<string>][];

  constructor(language: LanguageData) {
    // One word sequence serves all three languages, so keys line up by position.
    for (const code of LANGUAGES) {
      for (const [word, expansion] of Object.entries(language.contractions[code])) this.expansions.set(word, expansion.split(' '));
    }
    this.englishFunctionWords = new Set(language.functionWords.en);
    this.functionWords = LANGUAGES.map((code) => [code, new Set(language.functionWords[code])]);
  }

  /** The words of a normalised message with contractions expanded, and a number split from its unit ("3wk", "38c"). */
  expand(words: readonly string[]): string[] {
    const expanded: string[] = [];
    for (const word of words) {
      const parts = this.expansions.get(word);
      if (parts) expanded.push(...parts);
      else if (NUMBER_AND_UNIT.test(word)) expanded.push(...splitNumber(word));
      else expanded.push(word);
    }
    return expanded;
  }

  private factsOf(word: string): WordFacts {
    let facts = this.cache.get(word);
    if (!facts) {
      // One reading serves both questions a new word is asked: is it English, and what is its English key.
      const english = readEnglish(word);
      facts = { english: english.known || this.englishFunctionWords.has(word), en: englishKey(word, english) };
      this.cache.set(word, facts);
    }
    return facts;
  }

  /** A word's key in a language, computed the first time it is asked for (an English message needs no other). */
  private keyIn(language: Language, word: string): string {
    const facts = this.factsOf(word);
    return (facts[language] ??= keyOf(language, word));
  }

  /** Whether most words of two letters or more (numbers aside) are English. */
  private looksEnglish(words: readonly string[]): boolean {
    let counted = 0;
    let english = 0;
    for (const word of words) {
      if (word.length < 2 || (word[0] >= '0' && word[0] <= '9')) continue;
      counted++;
      if (this.factsOf(word).english) english++;
    }
    return counted > 0 && english / counted >= ENGLISH_SHARE;
  }

  /**
   * Which language's small words the message has most of: `leader` when one has clearly more than the
   * others, and whether English has at least as many as any (so "my arm is numb" counts as English).
   */
  private smallWords(words: readonly string[]): { leader?: Language; englishLeads: boolean } {
    const counts = this.functionWords
      .map(([code, set]) => {
        let n = 0;
        for (const w of words) if (set.has(w)) n++;
        return [code, n] as const;
      })
      .sort((a, b) => b[1] - a[1]);
    const english = counts.find(([code]) => code === 'en')![1];
    return { leader: counts[0][1] > counts[1][1] ? counts[0][0] : undefined, englishLeads: english === counts[0][1] };
  }

  /** Whether a word is English (cached with the rest of what is known of it). */
  isEnglish(word: string): boolean {
    return this.factsOf(word).english;
  }

  /** Keys of the words; `correctEnglish` may mend misspelt words of an English message first. */
  analyse(words: readonly string[], correctEnglish?: (words: readonly string[]) => string[]): LemmaText {
    const original = this.expand(words);
    const small = this.smallWords(original);
    const english = this.looksEnglish(original) && small.englishLeads;
    const expanded = english && correctEnglish ? correctEnglish(original) : original;
    // An English message is read in English only (terms, context, classifier): its other keys are never asked for.
    const languages = english ? (['en'] as const) : LANGUAGES;
    const keys: Record<Language, string[]> = { en: [], es: [], fr: [] };
    for (const language of languages) for (const word of expanded) keys[language].push(this.keyIn(language, word));
    // A message that is not English was not corrected: its small words are the original's.
    return { words: expanded, keys, english, language: english ? 'en' : small.leader };
  }
}
