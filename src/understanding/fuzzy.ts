// Typo-tolerant lookup of a typed phrase among known names ("craniosacarl" → "craniosacral").
// fuse.js scores the candidates; a length guard stops a short fragment ("cranial") from matching
// a long name that merely contains it ("cranial osteopathy"). Names are bucketed by first letter
// so a search only scores names that could plausibly match.
import Fuse from 'fuse.js';
import { compact } from '../text/normalise';

/** Shortest typed phrase (letters, no spaces) worth a fuzzy search: shorter ones match too much. */
export const MIN_FUZZY_LENGTH = 5;
/** fuse.js score above which a candidate is not considered at all (0 = exact). */
const CANDIDATE_THRESHOLD = 0.35;
/** A candidate's length must be within this ratio of the typed phrase's. */
const MIN_LENGTH_RATIO = 0.8;

export interface FuzzyHit<T> {
  value: T;
  /** The known name that matched, compacted. */
  name: string;
  /** 0..1, 1 being identical. */
  similarity: number;
}

interface Entry<T> {
  key: string;
  value: T;
}

export class FuzzyIndex<T> {
  private readonly buckets = new Map<string, Fuse<Entry<T>>>();
  /** Phrases longer than this cannot pass the length guard, so they are never scored (fuse.js is slow on long patterns). */
  private readonly maxPhraseLength: number;

  constructor(entries: readonly { name: string; value: T }[]) {
    const grouped = new Map<string, Entry<T>[]>();
    let longest = 0;
    for (const { name, value } of entries) {
      const key = compact(name);
      if (key.length < MIN_FUZZY_LENGTH) continue; // abbreviations match exactly or not at all
      longest = Math.max(longest, key.length);
      const list = grouped.get(key[0]) ?? [];
      list.push({ key, value });
      grouped.set(key[0], list);
    }
    this.maxPhraseLength = Math.floor(longest / MIN_LENGTH_RATIO);
    for (const [letter, list] of grouped) {
      this.buckets.set(
        letter,
        new Fuse(list, { keys: ['key'], includeScore: true, threshold: CANDIDATE_THRESHOLD, ignoreLocation: true, shouldSort: true }),
      );
    }
  }

  /** The closest known name to a compacted phrase, or undefined when nothing is close enough. */
  search(phrase: string): FuzzyHit<T> | undefined {
    if (phrase.length < MIN_FUZZY_LENGTH || phrase.length > this.maxPhraseLength) return undefined;
    const bucket = this.buckets.get(phrase[0]);
    if (!bucket) return undefined;
    let best: FuzzyHit<T> | undefined;
    for (const result of bucket.search(phrase)) {
      const key = result.item.key;
      const ratio = Math.min(key.length, phrase.length) / Math.max(key.length, phrase.length);
      if (ratio < MIN_LENGTH_RATIO) continue;
      const similarity = 1 - (result.score ?? 1);
      if (!best || similarity > best.similarity) best = { value: result.item.value, name: key, similarity };
    }
    return best;
  }
}
