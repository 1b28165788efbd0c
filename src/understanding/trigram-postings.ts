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
/** The finer directory (by length and two letters) when it has at most this many cells (16 MB). */
const MAX_GRID_CELLS = 1 << 22;
/** Letters past the 252nd distinct one share the last code: a shared code only adds candidates, which
 * the caller measures anyway. */
const LAST_CODE = 255;

export class TrigramPostings {
  /** Character code → letter code, for the letters of the keys indexed (0 for any other). */
  private readonly letters = new Uint8Array(0x10000);
  private readonly postingKeys: Uint32Array;
  /** Letter codes in use, and key lengths, each plus one: the sides of the directory's grid. */
  private readonly codes: number;
  private readonly lengths: number;
  /** Whether the grid's cells are a length and a triple's first two letters (when that grid is small enough),
   * or a length and its first letter. */
  private readonly byTwoLetters: boolean;
  /** Where each cell's postings begin, in the postings' order (which is the cells' order): a lookup searches
   * only those, a handful, not all two million. */
  private readonly directory: Uint32Array;
  /** The entry (index into the keys given) of each posting, in the postings' order. */
  readonly entries: Uint32Array;

  constructor(keys: readonly string[]) {
    let next = FIRST_LETTER;
    let count = 0;
    let longest = 0;
    for (const key of keys) {
      if (key.length > MAX_KEY_LENGTH) continue;
      count += key.length;
      longest = Math.max(longest, key.length);
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
      // A word of n letters has n triples once its start and end are marked.
      let previous = START;
      let current = this.letterOf(key, 0);
      for (let i = 1; i <= key.length; i++) {
        const following = i < key.length ? this.letterOf(key, i) : END;
        postingKeys[at] = postingKey(key.length, triple(previous, current, following));
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
    this.codes = Math.min(LAST_CODE, next) + 1;
    this.lengths = longest + 1;
    this.byTwoLetters = this.lengths * this.codes * this.codes <= MAX_GRID_CELLS;
    const cells = this.lengths * this.codes * (this.byTwoLetters ? this.codes : 1);
    this.directory = new Uint32Array(cells + 1);
    for (const key of this.postingKeys) this.directory[this.cellOf(key) + 1]++;
    for (let cell = 0; cell < cells; cell++) this.directory[cell + 1] += this.directory[cell];
  }

  /** A posting key's cell: its length and first letter, and its second letter too on the finer grid. */
  private cellOf(key: number): number {
    const byFirst = (key >>> 24) * this.codes + ((key >>> 16) & 0xff);
    return this.byTwoLetters ? byFirst * this.codes + ((key >>> 8) & 0xff) : byFirst;
  }

  /** The distinct letter triples of a word ("^kalo$": its start and end marked), as numbers. */
  gramsOf(word: string): number[] {
    const grams: number[] = [];
    const letter = (i: number) => (i < 0 ? START : i >= word.length ? END : this.letterOf(word, i));
    for (let i = -1; i + 2 <= word.length; i++) {
      const gram = triple(letter(i), letter(i + 1), letter(i + 2));
      if (!grams.includes(gram)) grams.push(gram);
    }
    return grams;
  }

  private letterOf(word: string, i: number): number {
    return this.letters[word.charCodeAt(i)];
  }

  /** Where the keys of `length` containing `gram` are in `entries`: [start, end). */
  span(length: number, gram: number): [number, number] {
    // Longer than any key, or a letter past the grid's side: no key has it.
    if (length >= this.lengths || gram >>> 16 >= this.codes || ((gram >>> 8) & 0xff) >= this.codes) return [0, 0];
    const key = postingKey(length, gram);
    const cell = this.cellOf(key);
    const end = this.directory[cell + 1];
    const start = this.lowerBound(key, this.directory[cell], end);
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

/** Three letter codes as one number, a byte each. */
function triple(first: number, second: number, third: number): number {
  return first * 0x10000 + second * 0x100 + third;
}

/** A posting's key: the key length in the top byte, the triple below it. */
function postingKey(length: number, gram: number): number {
  return length * 0x1000000 + gram;
}
