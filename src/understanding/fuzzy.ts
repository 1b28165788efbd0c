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
/** Names kept by shared trigrams, then ranked by edit distance; the closest few are scored by fuse.js. */
const SHORTLIST = 24;
const SCORED = 3;
/** A trigram found in more names of one length than this says little ("the" of "therapy"): it is not
 * counted, which keeps a search cheap however many names end in "therapy". */
const MAX_POSTINGS = 200;

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

/** Reused between calls: edit distances are computed often, on short names. */
let table = new Int32Array(0);

/**
 * Optimal-string-alignment distance: edits, with a swap of neighbours counting as one. Cheap on short
 * names. With `limit`, gives up as soon as the distance must exceed it (two rows past the limit, as a
 * swap looks two rows back) and returns limit + 1: ranking a shortlist only needs the closest few.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  if (table.length < rows * cols) table = new Int32Array(rows * cols * 2);
  const d = table;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  let previousRowMin = 0;
  for (let i = 1; i < rows; i++) {
    let rowMin = d[i * cols];
    for (let j = 1; j < cols; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
      d[i * cols + j] = best;
      if (best < rowMin) rowMin = best;
    }
    // Every later cell builds on this row or the one before, so neither row below the limit means none will be.
    if (rowMin > limit && previousRowMin > limit) return limit + 1;
    previousRowMin = rowMin;
  }
  return Math.min(d[rows * cols - 1], limit + 1);
}

export class FuzzyIndex<T> {
  private readonly entries: Entry<T>[] = [];
  /** Key length → trigram → indexes of the entries of that length containing it. Only lengths that
   * can pass the length guard are visited, so a search touches a small part of a large index. */
  private readonly byLength = new Map<number, Map<string, number[]>>();
  /** Shared-trigram counts per entry, reused across searches (reset through `touched`). */
  private counts = new Uint16Array(0);
  /** Each entry's key length, kept apart from the entries: filtering thousands of touched entries then
   * reads two small typed arrays instead of thousands of scattered objects (that was most of a search). */
  private keyLengths = new Uint16Array(0);
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
      let postings = this.byLength.get(key.length);
      if (!postings) this.byLength.set(key.length, (postings = new Map()));
      for (const gram of trigrams(key)) {
        const list = postings.get(gram);
        if (list) list.push(index);
        else postings.set(gram, [index]);
      }
    }
    this.counts = new Uint16Array(this.entries.length);
    this.keyLengths = Uint16Array.from(this.entries, (entry) => entry.key.length);
    this.maxPhraseLength = Math.floor(longest / MIN_LENGTH_RATIO);
  }

  /** The closest known name to a compacted phrase, or undefined when nothing is close enough. */
  search(phrase: string): FuzzyHit<T> | undefined {
    if (phrase.length < MIN_FUZZY_LENGTH || phrase.length > this.maxPhraseLength) return undefined;
    const shortlist = this.closest(phrase, this.shortlist(phrase));
    if (shortlist.length === 0) return undefined;
    const fuse = new Fuse(shortlist, { keys: ['key'], includeScore: true, threshold: CANDIDATE_THRESHOLD, ignoreLocation: true });
    let best: FuzzyHit<T> | undefined;
    for (const result of fuse.search(phrase)) {
      const similarity = 1 - (result.score ?? 1);
      if (!best || similarity > best.similarity) best = { value: result.item.value, name: result.item.key, similarity };
    }
    return best;
  }

  /** The SCORED entries nearest the phrase by edit distance; ties keep shortlist order. */
  private closest(phrase: string, shortlist: Entry<T>[]): Entry<T>[] {
    const nearest: { entry: Entry<T>; distance: number }[] = [];
    for (const entry of shortlist) {
      // Only a distance below the current SCORED-th best can enter, so computing further is wasted.
      const limit = nearest.length < SCORED ? Infinity : nearest[SCORED - 1].distance - 1;
      const distance = editDistance(phrase, entry.key, limit);
      if (distance > limit) continue;
      let at = nearest.length;
      while (at > 0 && nearest[at - 1].distance > distance) at--;
      nearest.splice(at, 0, { entry, distance });
      if (nearest.length > SCORED) nearest.pop();
    }
    return nearest.map((n) => n.entry);
  }

  /** Names of a plausible length sharing the most trigrams with the phrase. */
  private shortlist(phrase: string): Entry<T>[] {
    const grams = trigrams(phrase);
    const touched: number[] = [];
    const shortest = Math.ceil(phrase.length * MIN_LENGTH_RATIO);
    const longest = Math.floor(phrase.length / MIN_LENGTH_RATIO);
    // A name must share enough of the phrase's informative trigrams; common ones are skipped per length.
    const neededAt = new Uint16Array(longest + 1);
    for (let length = shortest; length <= longest; length++) {
      const postings = this.byLength.get(length);
      if (!postings) continue;
      let informative = 0;
      for (const gram of grams) {
        const list = postings.get(gram);
        if (list && list.length > MAX_POSTINGS) continue;
        informative += 1;
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const index = list[i];
          if (this.counts[index] === 0) touched.push(index);
          this.counts[index] += 1;
        }
      }
      neededAt[length] = Math.max(1, Math.ceil(informative * MIN_SHARED_TRIGRAMS));
    }
    // Bucketed by count rather than sorted: the most shared first, ties in the order they were touched.
    const byCount: number[][] = [];
    for (const index of touched) {
      const count = this.counts[index];
      this.counts[index] = 0;
      if (count >= neededAt[this.keyLengths[index]]) (byCount[count] ??= []).push(index);
    }
    const shortlist: Entry<T>[] = [];
    for (let count = byCount.length - 1; count > 0 && shortlist.length < SHORTLIST; count--) {
      for (const index of byCount[count] ?? []) {
        if (shortlist.length === SHORTLIST) break;
        shortlist.push(this.entries[index]);
      }
    }
    return shortlist;
  }
}
