// Typo-tolerant lookup of a typed phrase among known names ("craniosacarl" → "craniosacral").
// Scales to tens of thousands of names: a trigram index shortlists the few names that share enough
// letter triples with the phrase, and fuse.js scores only that shortlist. A length guard stops a
// short fragment ("cranial") from matching a long name that merely contains it ("cranial osteopathy").
import Fuse from 'fuse.js';
import { compact } from '../text/normalise';

/** Shortest typed phrase (letters, no spaces) worth a fuzzy search: shorter ones match too much. */
export const MIN_FUZZY_LENGTH = 5;
/** fuse.js score above which a candidate is not considered at all (0 = exact). */
const CANDIDATE_THRESHOLD = 0.35;
/** A candidate's length must be within this ratio of the typed phrase's. */
const MIN_LENGTH_RATIO = 0.8;
/** Share of the phrase's trigrams a name must contain to be shortlisted. */
const MIN_SHARED_TRIGRAMS = 0.3;
/** Most names scored by fuse.js for one phrase. */
const SHORTLIST = 12;

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

/** "^kalo$" letter triples of a compacted word, with its start and end marked. */
function trigrams(key: string): string[] {
  const padded = `^${key}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

export class FuzzyIndex<T> {
  private readonly entries: Entry<T>[] = [];
  /** Trigram → indexes of the entries containing it. */
  private readonly postings = new Map<string, number[]>();
  /** Phrases longer than this cannot pass the length guard, so they are never scored. */
  private readonly maxPhraseLength: number;

  constructor(names: readonly { name: string; value: T }[]) {
    let longest = 0;
    const seen = new Set<string>();
    for (const { name, value } of names) {
      const key = compact(name);
      if (key.length < MIN_FUZZY_LENGTH || seen.has(key)) continue; // abbreviations match exactly or not at all
      seen.add(key);
      longest = Math.max(longest, key.length);
      const index = this.entries.push({ key, value }) - 1;
      for (const gram of trigrams(key)) {
        const list = this.postings.get(gram);
        if (list) list.push(index);
        else this.postings.set(gram, [index]);
      }
    }
    this.maxPhraseLength = Math.floor(longest / MIN_LENGTH_RATIO);
  }

  /** The closest known name to a compacted phrase, or undefined when nothing is close enough. */
  search(phrase: string): FuzzyHit<T> | undefined {
    if (phrase.length < MIN_FUZZY_LENGTH || phrase.length > this.maxPhraseLength) return undefined;
    const shortlist = this.shortlist(phrase);
    if (shortlist.length === 0) return undefined;
    const fuse = new Fuse(shortlist, { keys: ['key'], includeScore: true, threshold: CANDIDATE_THRESHOLD, ignoreLocation: true });
    let best: FuzzyHit<T> | undefined;
    for (const result of fuse.search(phrase)) {
      const similarity = 1 - (result.score ?? 1);
      if (!best || similarity > best.similarity) best = { value: result.item.value, name: result.item.key, similarity };
    }
    return best;
  }

  /** Names of a plausible length sharing the most trigrams with the phrase. */
  private shortlist(phrase: string): Entry<T>[] {
    const grams = trigrams(phrase);
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const index of this.postings.get(gram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    }
    const needed = Math.max(1, Math.ceil(grams.length * MIN_SHARED_TRIGRAMS));
    const candidates: { entry: Entry<T>; count: number }[] = [];
    for (const [index, count] of shared) {
      if (count < needed) continue;
      const entry = this.entries[index];
      const ratio = Math.min(entry.key.length, phrase.length) / Math.max(entry.key.length, phrase.length);
      if (ratio >= MIN_LENGTH_RATIO) candidates.push({ entry, count });
    }
    candidates.sort((a, b) => b.count - a.count);
    return candidates.slice(0, SHORTLIST).map((c) => c.entry);
  }
}
