// The trigram postings behind fuzzy.ts's shortlist: for a key length and a letter triple, which keys of
// that length contain the triple. Held as one sorted array of 32-bit posting keys (length, then the
// triple's three letters, a byte each) beside the entry each posting belongs to, built by a radix sort.
// At 10,000 monographs that is about two million postings: a Map of lists per length made start-up
// spend most of half a second hashing triples and growing lists; flat arrays are built in a fraction
// of that and looked up by binary search.
import { radixSort } from './radix-sort';

/** Longest key indexed: a key's length takes one byte of a posting key (longer names still match within
 * one edit, through OneEditIndex). */
const MAX_KEY_LENGTH = 255;
/** Letter codes: none of a key's letters is 0, so a triple with a letter no key has finds nothing. */
const NOT_IN_ANY_KEY = 0;
const START = 1;
const END = 2;
const FIRST_LETTER = 3;
/** Letters past the 252nd distinct one share the last code: a shared code only adds candidates, which
 * the caller measures anyway. */
const LAST_CODE = 255;

export class TrigramPostings {
  /** Character code → letter code, for the letters of the keys indexed (0 for any other). */
  private readonly letters = new Uint8Array(0x10000);
  private readonly postingKeys: Uint32Array;
  /** Where the postings with each top half of a posting key (a length and a triple's first letter) begin:
   * a lookup searches only those, a few dozen at most, not all two million. */
  private readonly directory = new Uint32Array(0x10000 + 1);
  /** The entry (index into the keys given) of each posting, in the postings' order. */
  readonly entries: Uint32Array;

  constructor(keys: readonly string[]) {
    let next = FIRST_LETTER;
    let count = 0;
    for (const key of keys) {
      if (key.length > MAX_KEY_LENGTH) continue;
      count += key.length;
      for (let i = 0; i < key.length; i++) {
        const code = key.charCodeAt(i);
        if (this.letters[code] === NOT_IN_ANY_KEY) this.letters[code] = Math.min(LAST_CODE, next++);
      }
    }
    let postingKeys: Uint32Array = new Uint32Array(count);
    let entries: Uint32Array = new Uint32Array(count);
    let at = 0;
    keys.forEach((key, entry) => {
      if (key.length > MAX_KEY_LENGTH) return;
      const base = key.length * 0x1000000;
      // A word of n letters has n triples once its start and end are marked.
      let previous = START;
      let current = this.letterOf(key, 0);
      for (let i = 1; i <= key.length; i++) {
        const following = i < key.length ? this.letterOf(key, i) : END;
        postingKeys[at] = base + previous * 0x10000 + current * 0x100 + following;
        entries[at++] = entry;
        previous = current;
        current = following;
      }
    });
    // Stable: the entries of one posting list stay in the order the keys were given, so a triple a key
    // has twice ("anana") sits twice side by side, and is kept once.
    [postingKeys, entries] = radixSort(postingKeys, entries);
    let kept = 0;
    for (let i = 0; i < postingKeys.length; i++) {
      if (kept > 0 && postingKeys[kept - 1] === postingKeys[i] && entries[kept - 1] === entries[i]) continue;
      postingKeys[kept] = postingKeys[i];
      entries[kept++] = entries[i];
    }
    this.postingKeys = postingKeys.subarray(0, kept);
    this.entries = entries.subarray(0, kept);
    for (const key of this.postingKeys) this.directory[(key >>> 16) + 1]++;
    for (let top = 0; top < 0x10000; top++) this.directory[top + 1] += this.directory[top];
  }

  /** The distinct letter triples of a word ("^kalo$": its start and end marked), as numbers. */
  gramsOf(word: string): number[] {
    const grams: number[] = [];
    const letter = (i: number) => (i < 0 ? START : i >= word.length ? END : this.letterOf(word, i));
    for (let i = -1; i + 2 <= word.length; i++) {
      const gram = letter(i) * 0x10000 + letter(i + 1) * 0x100 + letter(i + 2);
      if (!grams.includes(gram)) grams.push(gram);
    }
    return grams;
  }

  private letterOf(word: string, i: number): number {
    return this.letters[word.charCodeAt(i)];
  }

  /** Where the keys of `length` containing `gram` are in `entries`: [start, end). */
  span(length: number, gram: number): [number, number] {
    if (length > MAX_KEY_LENGTH) return [0, 0];
    const key = postingKey(length, gram);
    const top = key >>> 16;
    const end = this.directory[top + 1];
    const start = this.lowerBound(key, this.directory[top], end);
    return [start, this.lowerBound(key + 1, start, end)];
  }

  /** The first posting from `low` to `high` whose key is at least `key`. */
  private lowerBound(key: number, low: number, high: number): number {
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.postingKeys[middle] < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function postingKey(length: number, gram: number): number {
  return length * 0x1000000 + gram;
}
