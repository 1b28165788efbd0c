import { describe, expect, it } from 'vitest';
import type { Neighbour } from '../../src/understanding/fuzzy';
import { MARGIN, judgeTypo, maxEdits } from '../../src/understanding/typo-match';

/** A therapy's nearest name: `covered` ones have a monograph, `other` ones do not. */
const at = (value: string, distance: number, length = 12): Neighbour<string> => ({
  value,
  name: value.padEnd(length, 'x').slice(0, length),
  distance,
});
const judge = (...near: Neighbour<string>[]) => judgeTypo(near, (value) => value.startsWith('covered'));

describe('maxEdits', () => {
  it.each([
    [5, 1],
    [11, 1],
    [12, 2],
    [17, 2],
    [18, 3],
    [40, 3],
  ])('allows %i letters %i edit(s)', (length, edits) => {
    expect(maxEdits(length)).toBe(edits);
  });

  it('never allows more than a fifth of a name, so an answered typo scores at least 0.8', () => {
    for (let length = 5; length <= 60; length++) expect(1 - maxEdits(length) / length).toBeGreaterThanOrEqual(0.8);
  });

  it('counts a runner-up one edit further as nearly the same distance', () => {
    expect(MARGIN).toBe(2);
  });
});

describe('judgeTypo', () => {
  it('answers a typo close to one name with no rival near', () => {
    expect(judge(at('covered-a', 1))).toMatchObject({ kind: 'match', value: 'covered-a', distance: 1 });
    expect(judge(at('covered-a', 1), at('covered-b', 3))).toMatchObject({ kind: 'match', value: 'covered-a' });
    expect(judge(at('covered-a', 2), at('covered-b', 4))).toMatchObject({ kind: 'match', value: 'covered-a' });
  });

  it('asks, never answers, when another therapy is as close or one edit further', () => {
    expect(judge(at('covered-a', 1), at('covered-b', 1))).toEqual({ kind: 'ask', values: ['covered-a', 'covered-b'] });
    expect(judge(at('covered-a', 1), at('covered-b', 2))).toEqual({ kind: 'ask', values: ['covered-a', 'covered-b'] });
    expect(judge(at('covered-a', 2), at('covered-b', 3), at('covered-c', 3))).toEqual({ kind: 'ask', values: ['covered-a', 'covered-b'] });
  });

  it('asks about a typo just past the bound, and leaves a far one alone', () => {
    expect(judge(at('covered-a', 3))).toEqual({ kind: 'ask', values: ['covered-a'] });
    expect(judge(at('covered-a', 4))).toBeUndefined();
    expect(judge(at('covered-a', 2, 8))).toEqual({ kind: 'ask', values: ['covered-a'] });
    expect(judge(at('covered-a', 3, 8))).toBeUndefined();
    expect(judge()).toBeUndefined();
  });

  it('never takes a typo closer to a therapy without a monograph for a covered one', () => {
    expect(judge(at('other-a', 1), at('covered-b', 2))).toMatchObject({ kind: 'unanswerable', value: 'other-a' });
    expect(judge(at('other-a', 1), at('covered-b', 1))).toEqual({ kind: 'ask', values: ['covered-b'] });
    expect(judge(at('covered-a', 1), at('other-b', 2))).toEqual({ kind: 'ask', values: ['covered-a'] });
  });
});
