import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrefixIndex } from '../../src/understanding/prefix-index';

describe('PrefixIndex', () => {
  it('says whether any key starts with a string', () => {
    const index = new PrefixIndex(['craniosacraltherapy', 'cst', 'reflexology']);
    for (const yes of ['', 'c', 'cranio', 'craniosacraltherapy', 'cs', 'reflex']) expect(index.hasKeyStartingWith(yes), yes).toBe(true);
    for (const no of ['craniosacraltherapyx', 'd', 'csx', 'reflexologies', 'a']) expect(index.hasKeyStartingWith(no), no).toBe(false);
    expect(new PrefixIndex([]).hasKeyStartingWith('')).toBe(false);
  });

  it('counts how many words from a position join into the start of a key', () => {
    const index = new PrefixIndex(['craniosacraltherapy', 'cst']);
    const words = ['is', 'cranio', 'sacral', 'therapy', 'safe'];
    expect(index.joinableRun(words, 1, 4)).toBe(3);
    expect(index.joinableRun(words, 1, 2)).toBe(2);
    expect(index.joinableRun(words, 0, 5)).toBe(0);
  });

  it('agrees with a plain scan of the keys', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 20 }), text, (keys, prefix) => {
        expect(new PrefixIndex(keys).hasKeyStartingWith(prefix)).toBe(keys.some((key) => key.startsWith(prefix)));
      }),
      { numRuns: 2000 },
    );
  });
});
