import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FuzzyIndex, editDistance } from '../../src/understanding/fuzzy';
import { OneEditIndex } from '../../src/understanding/one-edit-index';

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

describe('OneEditIndex', () => {
  it('finds every key within one edit of a word (some further keys may come along)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 40 }), word, (keys, typed) => {
        const found = new Set<number>();
        new OneEditIndex(keys).candidates(typed, (index) => found.add(index));
        keys.forEach((key, index) => {
          if (editDistance(typed, key) <= 1) expect(found.has(index), `${typed} → ${key}`).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('finds nothing in an empty index', () => {
    const found: number[] = [];
    new OneEditIndex([]).candidates('reiki', (index) => found.push(index));
    expect(found).toEqual([]);
  });
});

describe('FuzzyIndex.neighbours', () => {
  it('gives the nearest name of each value, closest first, within the radius', () => {
    const index = new FuzzyIndex([
      { name: 'Velmora therapy', value: 'velmora' },
      { name: 'Velmora', value: 'velmora' },
      { name: 'Velmira therapy', value: 'velmira' },
      { name: 'Quillberry root', value: 'quillberry' },
    ]);
    expect(index.neighbours('velmoratheraphy', 5)).toEqual([
      { value: 'velmora', name: 'velmoratherapy', distance: 1 },
      { value: 'velmira', name: 'velmiratherapy', distance: 2 },
    ]);
    expect(index.neighbours('velmoratheraphy', 1).map((n) => n.value)).toEqual(['velmora']);
    // With a margin, only names less than that many edits further than the closest.
    expect(index.neighbours('velmoratheraphy', 5, 2).map((n) => n.value)).toEqual(['velmora', 'velmira']);
    expect(index.neighbours('velmoratheraphy', 5, 1).map((n) => n.value)).toEqual(['velmora']);
  });

  it('never misses a name one edit away, however many similar names share its letters', () => {
    // 5,000 names that share most trigrams with the typo: the shortlist alone keeps only the first few dozen.
    const names = Array.from({ length: 5000 }, (_, i) => ({ name: `velmo${(i + 1000).toString(36)}therapy`, value: i }));
    names.push({ name: 'Velmora therapy', value: -1 }, { name: 'Velmura therapy', value: -2 });
    const near = new FuzzyIndex(names).neighbours('velmurratherapy', 5).filter((n) => n.distance <= 1);
    expect(near.map((n) => n.value)).toEqual([-2]);
    const tie = new FuzzyIndex(names).neighbours('velmxratherapy', 5).filter((n) => n.distance <= 1);
    expect(tie.map((n) => n.value).sort((a, b) => a - b)).toEqual([-2, -1]);
  });
});
