import { describe, expect, it } from 'vitest';
import { PatternError, PhraseMatcher, expandMacros, parsePattern } from '../../src/text/phrases';
import { words } from '../../src/text/normalise';

const matches = (pattern: string, text: string) => new PhraseMatcher([{ pattern, value: true }]).findAll(words(text)).length > 0;

describe('phrase patterns', () => {
  it.each([
    ['chest pain', 'I have chest pain now', true],
    ['chest pain', 'my chest is in pain', false],
    ['numb*', 'sudden numbness', true],
    ['cant|cannot breathe', "I can't breathe", true],
    ['cant|cannot breathe', 'I cannot breathe', true],
    ['took # * pills', 'she took 25 iron pills', true],
    ['took # * pills', 'she took the pills', false],
    ['arm * numb', 'my arm went numb', true],
    ['arm * numb', 'arm numb', true],
    ['arm * numb', 'arm is not at all like it was numb', false],
    ['# mg', 'is 500 mg too much', true],
    ['# mg', 'is five mg too much', false],
    ['numb*|tingl* hand', 'a tingling hand', true],
    ['numb*|arm tingl*', 'my arm is tingling', false],
    ['numb*|arm tingl*', 'my arm tingles', true],
  ])('%j in %j → %s', (pattern, text, expected) => {
    expect(matches(pattern, text)).toBe(expected);
  });

  it('finds patterns that start with a prefix or a number anywhere, among literal ones, in order', () => {
    const matcher = new PhraseMatcher([
      { pattern: 'chest pain', value: 'literal' },
      { pattern: 'numb*', value: 'prefix' },
      { pattern: '# pills', value: 'number' },
    ]);
    expect(matcher.findAll(words('took 20 pills then chest pain and numbness')).map((m) => [m.value, m.start])).toEqual([
      ['number', 1],
      ['literal', 4],
      ['prefix', 7],
    ]);
  });

  it('normalises patterns like user text (apostrophes, accents, case)', () => {
    expect(matches("Can't Talk", 'she cant talk')).toBe(true);
    expect(matches('sûr', 'c est sur')).toBe(true);
  });

  it('expands @word lists inside alternatives', () => {
    const pattern = expandMacros('stop|quit * @medicine|meds', { medicine: ['insulin', 'warfarin'] });
    expect(pattern).toBe('stop|quit * insulin|warfarin|meds');
    expect(matches(pattern, 'should I stop taking my warfarin')).toBe(true);
    expect(() => expandMacros('@nothing', {})).toThrow(PatternError);
  });

  it.each(['', '*', '* pain', 'pain *', 'a||b'])('rejects %j', (pattern) => {
    expect(() => parsePattern(pattern)).toThrow(PatternError);
  });

  it('matches a whole message only when every word is covered', () => {
    const matcher = new PhraseMatcher([{ pattern: 'thank you', value: 'thanks' }]);
    expect(matcher.matchesWhole(words('Thank you!'))).toBe('thanks');
    expect(matcher.matchesWhole(words('thank you, is it safe?'))).toBeUndefined();
  });

  it('stays linear on input shaped to make backtracking explode', () => {
    const matcher = new PhraseMatcher([{ pattern: 'a * a * a * b', value: 1 }]);
    const hostile = Array.from({ length: 50_000 }, () => 'a');
    expect(matcher.findAll(hostile)).toEqual([]);
  });
});

describe('phrase patterns on keys, word groups and large numbers', () => {
  it('joins the words of one alternative with "_"', () => {
    expect(matches('bleeding * heavily|non_stop', 'it is bleeding non stop')).toBe(true);
    expect(matches('bleeding * heavily|non_stop', 'it is bleeding non')).toBe(false);
  });

  it('"##" is a number of ten or more', () => {
    expect(matches('took ## pills', 'she took 20 pills')).toBe(true);
    expect(matches('took ## pills', 'she took 2 pills')).toBe(false);
  });

  it('compares literal words by key and prefixes by the word as typed', () => {
    const keyOf = (w: string) => w.replace(/ing$/, '');
    const matcher = new PhraseMatcher(
      [
        { pattern: 'bleed * stop', value: 'k' },
        { pattern: 'respir*', value: 'p' },
      ],
      keyOf,
    );
    const typed = words('bleeding wont stop respira');
    expect(matcher.findAll(typed, typed.map(keyOf)).map((m) => m.value)).toEqual(['k', 'p']);
  });
});
