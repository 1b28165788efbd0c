import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ANALYSED_CHARS, compact, normalise, words } from '../../src/text/normalise';

describe('normalise', () => {
  it.each([
    ['Ostéopathie Crânienne', 'osteopathie cranienne'],
    ['CRANIO-SACRAL therapy!!', 'cranio sacral therapy'],
    ["Is it OK for my mum's back?", 'is it ok for my mums back'],
    ['CST 🙂🙂 for   migraines?', 'cst for migraines'],
    ['  \t\n ', ''],
    ['ﬁbromyalgia', 'fibromyalgia'],
    ["l'ostéopathie pendant l'allaitement", 'l osteopathie pendant l allaitement'],
    ["don't, can't, it's", 'dont cant its'],
    ['reiki=craniosacral?', 'reiki equals craniosacral'],
    ['réflexologie ≈ crânienne', 'reflexologie equals cranienne'],
  ])('%j → %j', (input, expected) => {
    expect(normalise(input)).toBe(expected);
  });

  it('reads ASCII text (its fast path) exactly as the Unicode-aware steps would', () => {
    // The general steps, as normalise runs them on text with accents or symbols.
    const general = (text: string) =>
      text
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/[=\u2248\u2261]+/gu, ' equals ')
        .replace(/(?<![\p{L}\p{N}])(qu|[cdjlmnst])['\u2018\u2019\u02bc](?=\p{L})/giu, '$1 ')
        .replace(/['\u2018\u2019\u02bc`]/gu, '')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const asciiWords = fc.string({ unit: fc.constantFrom(..."aAbcdDjlLmnQqstuz019 '`-?!.=\t".split('')), maxLength: 40 });
    fc.assert(
      fc.property(asciiWords, (text) => normalise(text) === general(text)),
      { numRuns: 2000 },
    );
    expect(normalise("Qu'il l'a DIT")).toBe('qu il l a dit');
    expect(normalise('already normal words')).toBe('already normal words');
  });

  it('compacts spaces so hyphenated, spaced and joined names compare equal', () => {
    expect(compact('cranio-sacral')).toBe(compact('Cranio Sacral'));
    expect(compact('cranio sacral')).toBe('craniosacral');
  });

  it('splits into words, and gives none for empty input', () => {
    expect(words('Is CST safe?')).toEqual(['is', 'cst', 'safe']);
    expect(words('?!')).toEqual([]);
  });

  it('caps very long input before analysis, keeping its start and its end', () => {
    expect(normalise('a'.repeat(100_000)).length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS + 1);
    const long = `Hello there. ${'blah '.repeat(20_000)} So, is CST safe?`;
    expect(normalise(long)).toMatch(/^hello there blah/);
    expect(normalise(long)).toMatch(/is cst safe$/);
  });

  it('keeps a question asked in the middle of a long message', () => {
    const ramble = (n: number) => 'I went to the shops and then I came home. '.repeat(n);
    const long = `${ramble(60)}Does CST help neck pain? ${ramble(60)}`;
    expect(normalise(long)).toContain('does cst help neck pain');
    expect(normalise(long).length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS + 2);
  });
});
