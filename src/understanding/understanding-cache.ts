// Remembers what recent messages meant. A support desk hears the same questions again and again
// ("is it safe in pregnancy?", "what is craniosacral therapy?"), and understanding a message is the
// costliest step of a turn, so an exact repeat of a recent message reuses its ResolvedQuestion.
// - Understanding is a pure function of the text and the loaded knowledge, which never changes while
//   the process runs, so a cached result is never stale.
// - Results are shared between turns and conversations, so they are deep-frozen: a caller that tried
//   to change one would throw instead of changing another person's answer.
// - Two levels: the exact text first (free), then its normalised form, so "Is CST safe?" and
//   "is cst safe" share one result; only a message new in both is understood.
// - Bounded by entries and by text length (a long message is rarely repeated); the text is held in
//   memory only, never logged or stored.
import { LRUCache } from 'lru-cache';
import { normalise } from '../text/normalise';
import { deepFreeze } from '../util/deep-freeze';
import type { Language, LanguageGuesser } from './language';
import type { ResolvedQuestion } from './types';

export interface Understands {
  understand(text: string): ResolvedQuestion;
}

/** What the cache wraps: Understanding, which can also start from normalised text. */
export interface UnderstandsNormalised extends Understands {
  otherLanguageOf(text: string): string | undefined;
  understandNormalised(normalised: string, otherLanguage?: string): ResolvedQuestion;
}

export interface UnderstandingCacheOptions {
  /** Messages remembered; 0 turns the cache off. */
  maxEntries: number;
  /** Longer messages are understood every time and not kept. */
  maxTextLength?: number;
}

/** Longest message remembered by default: longer ones are rarely repeated. */
const MAX_REMEMBERED_TEXT = 500;

export class CachedUnderstanding implements Understands {
  /** Exact text → its key (the normalised form, with the language when it is one the bot does not handle),
   * whose entry holds the result (and is kept as recent as its texts). */
  private readonly byText?: LRUCache<string, string>;
  private readonly byNormalised?: LRUCache<string, ResolvedQuestion>;
  private readonly maxTextLength: number;
  /** For the benchmark and tests: how often a message was answered from the cache. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    private readonly inner: UnderstandsNormalised,
    options: UnderstandingCacheOptions,
  ) {
    this.maxTextLength = options.maxTextLength ?? MAX_REMEMBERED_TEXT;
    if (options.maxEntries > 0) {
      this.byText = new LRUCache({ max: options.maxEntries });
      this.byNormalised = new LRUCache({ max: options.maxEntries });
    }
  }

  understand(text: string): ResolvedQuestion {
    if (!this.byText || !this.byNormalised || text.length > this.maxTextLength) return this.inner.understand(text);
    const known = this.byText.get(text);
    const normalised = known === undefined ? normalise(text) : undefined;
    const otherLanguage = known === undefined ? this.inner.otherLanguageOf(text) : undefined;
    // The language is read on the text as typed, so it is part of the key: "ist es sicher" in German and a
    // text that normalises the same way in English are different questions.
    const key = known ?? (otherLanguage ? `${normalised}\u0000${otherLanguage}` : normalised!);
    let question = this.byNormalised.get(key);
    if (question) this.stats.hits++;
    else {
      this.stats.misses++;
      const [form, language] = key.split('\u0000');
      question = deepFreeze(this.inner.understandNormalised(form, language));
      this.byNormalised.set(key, question);
    }
    if (known === undefined) this.byText.set(text, key);
    return question;
  }
}

/**
 * A language guesser that remembers which supported language recent messages were clearly in (or none), bounded
 * like the understanding cache: a repeated message, whose understanding comes from the cache, is not read by the
 * detector again either. Off (the guesser itself) when the cache is.
 */
export function rememberingLanguages(guesser: LanguageGuesser, options: UnderstandingCacheOptions): LanguageGuesser {
  if (options.maxEntries <= 0) return guesser;
  const maxTextLength = options.maxTextLength ?? MAX_REMEMBERED_TEXT;
  const NONE = '';
  const seen = new LRUCache<string, Language | typeof NONE>({ max: options.maxEntries });
  return {
    otherLanguage: (text) => guesser.otherLanguage(text),
    supportedLanguage: (text) => {
      if (text.length > maxTextLength) return guesser.supportedLanguage(text);
      const known = seen.get(text);
      if (known !== undefined) return known === NONE ? undefined : known;
      const guessed = guesser.supportedLanguage(text);
      seen.set(text, guessed ?? NONE);
      return guessed;
    },
  };
}
