import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fill, inSentence } from '../../src/answers/wording';

describe('fill', () => {
  it('puts each value in its placeholder, leaves unknown ones, and never reads placeholders inside a value', () => {
    expect(fill('{therapy} helps {condition}.', { therapy: 'CST', condition: 'migraine' })).toBe('CST helps migraine.');
    expect(fill('{a}{a} and {b}', { a: 'x' })).toBe('xx and {b}');
    expect(fill('no placeholders', {})).toBe('no placeholders');
    expect(fill('{ spaced } {with-dash} {}', { spaced: 'no' })).toBe('{ spaced } {with-dash} {}');
    expect(fill('{a}', { a: '{b}', b: 'no' })).toBe('{b}');
  });

  it('agrees with a regular-expression replacement, for any template, filled again and again', () => {
    const values = { a: 'one', b: '', c: '{a}' };
    const template = fc
      .array(fc.constantFrom('{a}', '{b}', '{c}', '{d}', '{', '}', 'text ', 'a', '{ab', '$&'), { maxLength: 12 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(template, (t) => {
        const expected = t.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => (values as Record<string, string>)[key] ?? whole);
        expect(fill(t, values)).toBe(expected);
        expect(fill(t, values)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('inSentence', () => {
  it('lower-cases only the first word, unless it is an acronym or a possessive eponym', () => {
    expect(inSentence('Back pain')).toBe('back pain');
    expect(inSentence('Maladie d’Alzheimer')).toBe('maladie d’Alzheimer');
    expect(inSentence('TMJ disorder')).toBe('TMJ disorder');
    expect(inSentence("Crohn's disease")).toBe("Crohn's disease");
    expect(inSentence('Migraine')).toBe('migraine');
  });
});
