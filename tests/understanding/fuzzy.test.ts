import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FuzzyIndex, editDistance } from '../../src/understanding/fuzzy';

describe('editDistance', () => {
  it.each([
    ['migraine', 'migraine', 0],
    ['migrane', 'migraine', 1],
    ['migrianes', 'migraines', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%j → %j is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('with a limit, gives the distance when within it and limit + 1 otherwise', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.nat(8), (a, b, limit) => {
        expect(editDistance(a, b, limit)).toBe(Math.min(editDistance(a, b), limit + 1));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('FuzzyIndex', () => {
  const index = new FuzzyIndex([
    { name: 'Craniosacral therapy', value: 'cst' },
    { name: 'Cranial osteopathy', value: 'cst' },
    { name: 'Reflexology', value: 'reflexology' },
  ]);

  it('finds a misspelt name and says how close it is', () => {
    expect(index.search('craniosacraltherpay')).toMatchObject({ value: 'cst', name: 'craniosacraltherapy' });
    expect(index.search('reflexolgy')?.similarity).toBeGreaterThan(0.75);
  });

  it('does not match a fragment to a longer name that contains it', () => {
    expect(index.search('cranial')).toBeUndefined();
  });

  it('ignores phrases too short or too long to be a name', () => {
    expect(index.search('cst')).toBeUndefined();
    expect(index.search('a'.repeat(5000))).toBeUndefined();
  });

  it('scales: picks the right name among thousands that share common trigrams', () => {
    const names = Array.from({ length: 5000 }, (_, i) => ({ name: `name${i.toString(36)}zq therapy`, value: i }));
    names.push({ name: 'Quillberry therapy', value: -1 });
    const big = new FuzzyIndex(names);
    expect(big.search('quilberrytherapy')?.value).toBe(-1);
  });
});
