// Every key within one edit of a word, found exhaustively, however many keys there are.
//
// Why: a typo one letter away from two names must be seen as ambiguous, never answered with one of
// them; the trigram shortlist in fuzzy.ts ranks well but can miss a name among thousands that share
// common letters. Two strings are within one edit (a letter added, dropped, changed, or two
// neighbours swapped) only if they are equal, one is the other with a letter dropped, or dropping
// one letter from each makes them equal. So each key is indexed under itself and each of its
// one-letter deletions, and a word looks up itself and each of its deletions: every key within one
// edit is among the keys found (a few more come along, and some at two edits; callers measure the
// distance of each).
//
// The variants are stored as 32-bit hashes in flat typed arrays, not as strings: at 10,000
// monographs that is about 2.4 million variants, which as strings in a Map would cost hundreds of
// megabytes and seconds of start-up; as hashes they take about 20 MB and well under a second. A hash
// collision only adds a candidate, which the caller's distance check drops.

import { countingPass } from './radix-sort';

const BASE = 0x01000193;

/** Reused between calls: prefix and suffix hashes and powers of BASE for one word. */
let prefix = new Int32Array(64);
let suffix = new Int32Array(64);
let powers = new Int32Array(64);

/** Calls `visit` with the hash of the word and of each of its one-letter deletions. */
function forEachVariant(word: string, visit: (hash: number) => void): void {
  const n = word.length;
  if (prefix.length < n + 1) {
    prefix = new Int32Array(n * 2 + 2);
    suffix = new Int32Array(n * 2 + 2);
    powers = new Int32Array(n * 2 + 2);
  }
  // Polynomial hashes modulo 2^32: h(s) = Σ s[j]·BASE^(len−1−j), so that deleting letter i gives
  // h(s[0..i)) · BASE^(n−1−i) + h(s[i+1..n)) without building the shorter string.
  powers[0] = 1;
  prefix[0] = 0;
  for (let i = 0; i < n; i++) {
    powers[i + 1] = Math.imul(powers[i], BASE);
    prefix[i + 1] = (Math.imul(prefix[i], BASE) + word.charCodeAt(i)) | 0;
  }
  suffix[n] = 0;
  for (let i = n - 1; i >= 0; i--) suffix[i] = (Math.imul(word.charCodeAt(i), powers[n - 1 - i]) + suffix[i + 1]) | 0;
  visit(mix(prefix[n], n));
  for (let i = 0; i < n; i++) visit(mix((Math.imul(prefix[i], powers[n - 1 - i]) + suffix[i + 1]) | 0, n - 1));
}

/** Scatters a polynomial hash (and the length it was taken over) across all 32 bits: murmur3's finaliser. */
function mix(hash: number, length: number): number {
  let h = (hash ^ Math.imul(length, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class OneEditIndex {
  /** Variants are ordered by the top `bits` bits of their hash; directory[top] is where those with a given top begin. */
  private readonly bits: number;
  private readonly directory: Uint32Array;
  private readonly hashes: Uint32Array;
  private readonly keys: Uint32Array;

  constructor(keys: readonly string[]) {
    let count = 0;
    for (const key of keys) count += key.length + 1;
    let hashes: Uint32Array = new Uint32Array(count);
    let owners: Uint32Array = new Uint32Array(count);
    let at = 0;
    keys.forEach((key, index) =>
      forEachVariant(key, (hash) => {
        hashes[at] = hash;
        owners[at++] = index;
      }),
    );
    // About four variants per directory entry, so a lookup reads a handful of hashes.
    this.bits = Math.min(24, Math.max(2, Math.ceil(Math.log2(Math.max(1, count / 4)))));
    // Ordered by the top bits only, in two stable counting passes of half of them each: placing 2.4
    // million variants straight into their final buckets writes all over memory and took ten times longer.
    const low = Math.floor(this.bits / 2);
    for (const [shift, width] of [
      [32 - this.bits, low],
      [32 - this.bits + low, this.bits - low],
    ]) {
      [hashes, owners] = countingPass(hashes, owners, shift, width);
    }
    this.hashes = hashes;
    this.keys = owners;
    this.directory = new Uint32Array((1 << this.bits) + 1);
    for (let i = 0; i < count; i++) this.directory[(hashes[i] >>> (32 - this.bits)) + 1]++;
    for (let top = 0; top < 1 << this.bits; top++) this.directory[top + 1] += this.directory[top];
  }

  /** Calls `visit` with the index of every key that may be within one edit of the word: all that are,
   * some further away, and a key more than once when several of its variants match. */
  candidates(word: string, visit: (index: number) => void): void {
    forEachVariant(word, (hash) => {
      const top = hash >>> (32 - this.bits);
      for (let i = this.directory[top]; i < this.directory[top + 1]; i++) {
        if (this.hashes[i] === hash) visit(this.keys[i]);
      }
    });
  }
}
