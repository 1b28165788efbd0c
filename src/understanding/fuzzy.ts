// Typo-tolerant lookup of a typed phrase among known names ("craniosacarl" → "craniosacral").
// Scales to tens of thousands of names: a trigram index shortlists the few names that share enough
// letter triples with the phrase, and fuse.js scores only that shortlist. A length guard stops a
// short fragment ("cranial") from matching a long name that merely contains it ("cranial osteopathy").
//
// `search` gives the best name (conditions use it); `neighbours` gives the nearest names of each
// value by edit distance, so a caller can tell a clear match from a typo that is as close to
// another name: there, every name within one edit is found exhaustively (OneEditIndex), the shortlist
// adds the names further away.
import Fuse from 'fuse.js';
import { compact } from '../text/normalise';
import { OneEditIndex } from './one-edit-index';
import { TrigramPostings } from './trigram-postings';

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
/** The shortlist of a thorough `neighbours` search: a typo about to be answered is checked against
 * this many more names, so a rival two edits away among thousands of similar names is not missed. */
const THOROUGH_SHORTLIST = 256;
const SCORED = 3;
/** A trigram found in more names of one length than this says little ("the" of "therapy"): it is not
 * counted, which keeps a search cheap however many names end in "therapy". */
const MAX_POSTINGS = 200;

/** A known name near a typed phrase. */
export interface Neighbour<T> {
  value: T;
  /** The known name, compacted. */
  name: string;
  /** Edits (letters added, dropped or changed, neighbours swapped) from the phrase to the name. */
  distance: number;
}

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

/** Reused between calls: edit distances are computed often, on short names. */
let table = new Int32Array(0);

/**
 * Optimal-string-alignment distance: edits, with a swap of neighbours counting as one. Cheap on short
 * names. With `limit`, only cells within `limit` of the diagonal are computed (a path of at most
 * `limit` edits never leaves that band), it gives up as soon as the distance must exceed the limit
 * (two rows past it, as a swap looks two rows back), and returns limit + 1 then: ranking and
 * checking rivals only needs the close ones, and most names are far.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  if (Math.abs(rows - cols) > limit) return limit + 1;
  if (table.length < rows * cols) table = new Int32Array(rows * cols * 2);
  const d = table;
  const band = Math.min(limit, Math.max(rows, cols));
  /** Stands for the cells outside the band: more than the limit. */
  const far = band + 1;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  let previousRowMin = 0;
  for (let i = 1; i < rows; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(cols - 1, i + band);
    if (from > 1) d[i * cols + from - 1] = far;
    let rowMin = from === 1 ? d[i * cols] : far;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
      d[i * cols + j] = best;
      if (best < rowMin) rowMin = best;
    }
    // The next row reads one cell past this row's band.
    if (to + 1 < cols) d[i * cols + to + 1] = far;
    // Every later cell builds on this row or the one before, so neither row below the limit means none will be.
    if (rowMin > limit && previousRowMin > limit) return limit + 1;
    previousRowMin = rowMin;
  }
  return Math.min(d[rows * cols - 1], limit + 1);
}

export class FuzzyIndex<T> {
  private readonly entries: Entry<T>[] = [];
  /** Key length and trigram → the entries of that length containing it. Only lengths that can pass the
   * length guard are visited, so a search touches a small part of a large index. */
  private readonly postings: TrigramPostings;
  /** Shared-trigram counts per entry, reused across searches (reset through `touched`). */
  private counts = new Uint16Array(0);
  /** Each entry's key length, kept apart from the entries: filtering thousands of touched entries then
   * reads two small typed arrays instead of thousands of scattered objects (that was most of a search). */
  private keyLengths = new Uint16Array(0);
  /** Phrases longer than this cannot pass the length guard, so they are never scored. */
  private readonly maxPhraseLength: number;
  private readonly oneEdit: OneEditIndex;
  /** Entries already measured in this `neighbours` call: equal to `generation` (cheaper than a Set a call). */
  private seen = new Uint32Array(0);
  private generation = 0;
  /** Ranked shortlists of the last few phrases: a thorough look at a phrase just searched (a typo about
   * to be answered) reuses its trigram counts, which are most of a search's cost. */
  private readonly recent = new Map<string, number[]>();

  /** `compacted`: the names are already compacted and distinct (the keys of an index of exact names), so they
   * are not compacted again: at thousands of monographs that was a tenth of building the index. */
  constructor(names: readonly { name: string; value: T }[], { compacted = false } = {}) {
    let longest = 0;
    const seen = new Set<string>();
    for (const { name, value } of names) {
      const key = compacted ? name : compact(name);
      if (key.length < MIN_FUZZY_LENGTH) continue; // abbreviations match exactly or not at all
      if (!compacted) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      longest = Math.max(longest, key.length);
      this.entries.push({ key, value });
    }
    this.postings = new TrigramPostings(this.entries.map((entry) => entry.key));
    this.counts = new Uint16Array(this.entries.length);
    this.keyLengths = Uint16Array.from(this.entries, (entry) => entry.key.length);
    this.maxPhraseLength = Math.floor(longest / MIN_LENGTH_RATIO);
    this.oneEdit = new OneEditIndex(this.entries.map((entry) => entry.key));
    this.seen = new Uint32Array(this.entries.length);
  }

  /**
   * The nearest name of each value near a compacted phrase, closest first (ties in index order): those
   * within `radius` edits and less than `margin` edits further than the closest (further ones cannot
   * change a judgement, and not measuring them keeps this cheap). Every name within one edit is there;
   * names further away are those of the trigram shortlist (longer when `thorough`), which finds them
   * in practice but cannot promise to among thousands of similar names.
   */
  neighbours(phrase: string, radius: number, margin = Infinity, thorough = false): Neighbour<T>[] {
    if (phrase.length < MIN_FUZZY_LENGTH || phrase.length > this.maxPhraseLength) return [];
    if (++this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
    const nearest = new Map<T, Neighbour<T>>();
    let limit = radius;
    const measure = (index: number) => {
      if (this.seen[index] === this.generation) return;
      this.seen[index] = this.generation;
      if (Math.abs(this.keyLengths[index] - phrase.length) > limit) return;
      const entry = this.entries[index];
      const distance = editDistance(phrase, entry.key, limit);
      if (distance > limit) return;
      const known = nearest.get(entry.value);
      if (!known || distance < known.distance) nearest.set(entry.value, { value: entry.value, name: entry.key, distance });
      limit = Math.min(limit, distance + margin - 1);
    };
    // Names within one edit first: they set a small limit early, which makes the shortlist's distances cheap.
    this.oneEdit.candidates(phrase, measure);
    const ranked = this.ranked(phrase);
    const size = Math.min(ranked.length, thorough ? THOROUGH_SHORTLIST : SHORTLIST);
    for (let i = 0; i < size; i++) measure(ranked[i]);
    return [...nearest.values()].filter((n) => n.distance <= limit).sort((a, b) => a.distance - b.distance);
  }

  /** The closest known name to a compacted phrase, or undefined when nothing is close enough. */
  search(phrase: string): FuzzyHit<T> | undefined {
    if (phrase.length < MIN_FUZZY_LENGTH || phrase.length > this.maxPhraseLength) return undefined;
    const shortlist = this.closest(
      phrase,
      this.ranked(phrase)
        .slice(0, SHORTLIST)
        .map((index) => this.entries[index]),
    );
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

  /** The shortlist of a phrase, up to THOROUGH_SHORTLIST long, remembered for the next few searches. */
  private ranked(phrase: string): number[] {
    let ranked = this.recent.get(phrase);
    if (!ranked) {
      ranked = this.shortlist(phrase, THOROUGH_SHORTLIST);
      this.recent.set(phrase, ranked);
      // A message is read as at most a few dozen phrases; the oldest is dropped first.
      if (this.recent.size > 32) this.recent.delete(this.recent.keys().next().value as string);
    }
    return ranked;
  }

  /** Indexes of names of a plausible length sharing the most trigrams with the phrase, most first. */
  private shortlist(phrase: string, size: number): number[] {
    const grams = this.postings.gramsOf(phrase);
    const postings = this.postings.entries;
    const touched: number[] = [];
    const shortest = Math.ceil(phrase.length * MIN_LENGTH_RATIO);
    const longest = Math.floor(phrase.length / MIN_LENGTH_RATIO);
    // A name must share enough of the phrase's informative trigrams; common ones are skipped per length.
    const neededAt = new Uint16Array(longest + 1);
    for (let length = shortest; length <= longest; length++) {
      let informative = 0;
      for (const gram of grams) {
        const [start, end] = this.postings.span(length, gram);
        if (end - start > MAX_POSTINGS) continue;
        informative += 1;
        for (let i = start; i < end; i++) {
          const index = postings[i];
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
    const shortlist: number[] = [];
    for (let count = byCount.length - 1; count > 0 && shortlist.length < size; count--) {
      for (const index of byCount[count] ?? []) {
        if (shortlist.length === size) break;
        shortlist.push(index);
      }
    }
    return shortlist;
  }
}
