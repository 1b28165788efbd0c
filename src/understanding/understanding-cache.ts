// Remembers what recent messages meant. A support desk hears the same questions again and again
// ("is it safe in pregnancy?", "what is craniosacral therapy?"), and understanding a message is the
// costliest step of a turn, so an exact repeat of a recent message reuses its ResolvedQuestion.
// - Understanding is a pure function of the text and the loaded knowledge, which never changes while
//   the process runs, so a cached result is never stale.
// - Results are shared between turns and conversations, so they are deep-frozen: a caller that tried
//   to change one would throw instead of changing another person's answer.
// - Bounded by entries and by text length (a long message is rarely repeated); the text is held in
//   memory only, never logged or stored.
import { LRUCache } from 'lru-cache';
import { deepFreeze } from '../util/deep-freeze';
import type { ResolvedQuestion } from './types';

/** Enough for a support desk's recurring questions: a few MB at most. */
export const DEFAULT_UNDERSTANDING_CACHE_ENTRIES = 5000;

export interface Understands {
  understand(text: string): ResolvedQuestion;
}

export interface UnderstandingCacheOptions {
  /** Messages remembered; 0 turns the cache off. */
  maxEntries: number;
  /** Longer messages are understood every time and not kept. */
  maxTextLength?: number;
}

export class CachedUnderstanding implements Understands {
  private readonly cache?: LRUCache<string, ResolvedQuestion>;
  private readonly maxTextLength: number;
  /** For the benchmark and tests: how often a message was answered from the cache. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    private readonly inner: Understands,
    options: UnderstandingCacheOptions,
  ) {
    this.maxTextLength = options.maxTextLength ?? 500;
    if (options.maxEntries > 0) this.cache = new LRUCache({ max: options.maxEntries });
  }

  understand(text: string): ResolvedQuestion {
    if (!this.cache || text.length > this.maxTextLength) return this.inner.understand(text);
    const cached = this.cache.get(text);
    if (cached) {
      this.stats.hits++;
      return cached;
    }
    this.stats.misses++;
    const question = deepFreeze(this.inner.understand(text));
    this.cache.set(text, question);
    return question;
  }
}
