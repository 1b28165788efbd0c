import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TrigramPostings } from '../../src/understanding/trigram-postings';

/** The keys of `length` that contain `gram`, in order, by reading every key: what the postings must give. */
function scan(postings: TrigramPostings, keys: string[], length: number, gram: number): number[] {
  return keys.flatMap((key, entry) => (key.length === length && postings.gramsOf(key).includes(gram) ? [entry] : []));
}

function listed(postings: TrigramPostings, length: number, gram: number): number[] {
  const [start, end] = postings.span(length, gram);
  return [...postings.entries.subarray(start, end)];
}

describe('TrigramPostings', () => {
  it('lists the keys of a length containing a triple, each once, in the order given', () => {
    const keys = ['banana', 'bandana', 'cabana', 'ananas', 'reiki'];
    const postings = new TrigramPostings(keys);
    const [ana] = postings.gramsOf('ana').slice(1); // "^an", "ana", "na$"
    expect(listed(postings, 6, ana)).toEqual([0, 2, 3]); // "banana" has it twice, listed once
    expect(listed(postings, 7, ana)).toEqual([1]);
    expect(listed(postings, 5, ana)).toEqual([]);
    const [start] = postings.gramsOf('reiki');
    expect(listed(postings, 5, start)).toEqual([4]);
  });

  it('marks a word’s start and end, and finds nothing for letters no key has', () => {
    const postings = new TrigramPostings(['kalo']);
    expect(postings.gramsOf('kalo')).toHaveLength(4); // ^ka kal alo lo$
    expect(postings.gramsOf('kazo').filter((gram) => listed(postings, 4, gram).length > 0)).toHaveLength(1); // only ^ka
  });

  it('leaves out keys too long to index, and finds nothing for their length', () => {
    const long = 'a'.repeat(300);
    const postings = new TrigramPostings([long, 'aaaa']);
    for (const gram of postings.gramsOf(long)) expect(listed(postings, 300, gram)).toEqual([]);
    expect(listed(postings, 4, postings.gramsOf('aaaa')[1])).toEqual([1]);
  });

  it('agrees with a plain scan of the keys, accented letters included', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'n', 'é', 'ø'), minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 25 }), word, (keys, probe) => {
        const postings = new TrigramPostings(keys);
        for (const gram of postings.gramsOf(probe)) {
          for (let length = 1; length <= 7; length++) expect(listed(postings, length, gram)).toEqual(scan(postings, keys, length, gram));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('with more distinct letters than its finer directory holds, still lists exactly the keys with each triple', () => {
    // 300 letters of other scripts over keys of 80 letters: letters past the 252nd share a code (candidates only).
    const letter = (i: number) => String.fromCharCode(0x400 + (i % 300));
    const keys = Array.from({ length: 40 }, (_, k) => Array.from({ length: 80 }, (_, i) => letter(k * 7 + i * 13)).join(''));
    const postings = new TrigramPostings(keys);
    for (const probe of [keys[3], keys[17].slice(5, 60), 'abc']) {
      for (const gram of postings.gramsOf(probe)) {
        for (const length of [55, 80]) {
          const found = listed(postings, length, gram);
          // Every key that has the triple is found; a shared code may add one that does not (never one of another length).
          expect(found).toEqual(expect.arrayContaining(scan(postings, keys, length, gram)));
          for (const entry of found) expect(keys[entry]).toHaveLength(length);
        }
      }
    }
  });
});
