// Whether any of a set of keys starts with a given string, by binary search over the sorted keys.
// A longest-match walk over a message uses it to stop lengthening a phrase as soon as no name can
// begin with it, instead of building and looking up every phrase of up to six words at every word.
/** Prefixes remembered: words repeat from message to message, and Spanish and French names made the sorted
 * keys long enough for the binary searches to show. Cleared when full, which is simpler than an LRU and as good
 * for a set this small. */
const REMEMBERED_PREFIXES = 50_000;

export class PrefixIndex {
  private readonly sorted: string[];
  private readonly known = new Map<string, boolean>();

  constructor(keys: Iterable<string>) {
    // Sorted, then repeats dropped where they meet: cheaper than a Set of hundreds of thousands of keys first.
    const sorted = [...keys].sort();
    this.sorted = sorted.filter((key, i) => i === 0 || key !== sorted[i - 1]);
  }

  /** How many of the words from `start` (at most `max`) still join, without spaces, into the start of a key. */
  joinableRun(words: readonly string[], start: number, max: number): number {
    let run = 0;
    for (let joined = ''; run < max; run++) {
      joined += words[start + run];
      if (!this.hasKeyStartingWith(joined)) break;
    }
    return run;
  }

  hasKeyStartingWith(prefix: string): boolean {
    let answer = this.known.get(prefix);
    if (answer === undefined) {
      answer = this.search(prefix);
      if (this.known.size >= REMEMBERED_PREFIXES) this.known.clear();
      this.known.set(prefix, answer);
    }
    return answer;
  }

  private search(prefix: string): boolean {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    return low < this.sorted.length && this.sorted[low].startsWith(prefix);
  }
}
