import { describe, expect, it } from 'vitest';
import { isEnglishWord } from '../../../src/text/english';
import { TypoCorrector } from '../../../src/understanding/red-flags/typos';

const corrector = new TypoCorrector(
  ['breathing', 'breaking', 'unconscious', 'seizure', 'fever', 'bleeding'],
  new Set(['convulsiones']),
  (w) => isEnglishWord(w),
);
const fix = (text: string) => corrector.correct(text.split(' ')).join(' ');

describe('typo corrector', () => {
  it.each([
    ['my baby is not breating', 'my baby is not breathing'],
    ['he is unconcious now', 'he is unconscious now'],
    ['she is having a siezure', 'she is having a seizure'],
  ])('reads %j as %j', (typed, meant) => {
    expect(fix(typed)).toBe(meant);
  });

  it('never changes a real English word, even one letter from a term', () => {
    expect(fix('i have never had this before')).toBe('i have never had this before');
    expect(fix('the dog breeding season is here')).toBe('the dog breeding season is here');
  });

  it('leaves words it cannot place, and the words it is told are known', () => {
    expect(fix('my baby is not brxxthing')).toBe('my baby is not brxxthing');
    expect(fix('tiene convulsiones desde hace rato')).toBe('tiene convulsiones desde hace rato');
  });
});
