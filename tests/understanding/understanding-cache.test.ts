import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CachedUnderstanding, type UnderstandsNormalised } from '../../src/understanding/understanding-cache';
import { shipped } from '../helpers/understanding';

/** Counts calls through to the real understanding. */
function counting(): UnderstandsNormalised & { calls: number } {
  const real = shipped().understanding;
  const inner = {
    calls: 0,
    understand: (text: string) => (inner.calls++, real.understand(text)),
    otherLanguageOf: (text: string) => real.otherLanguageOf(text),
    understandNormalised: (normalised: string, language?: string) => (inner.calls++, real.understandNormalised(normalised, language)),
  };
  return inner;
}

const ownCaseTexts = readFileSync(join(__dirname, '..', 'eval', 'own-cases.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .flatMap((line) => (JSON.parse(line) as { turns: { text: string }[] }).turns.map((turn) => turn.text));

describe('CachedUnderstanding', () => {
  it('understands every message as the uncached understanding does, first time and repeated', () => {
    const cached = new CachedUnderstanding(shipped().understanding, { maxEntries: 10_000 });
    for (const round of [1, 2]) {
      for (const text of ownCaseTexts)
        expect(cached.understand(text), `${text} (round ${round})`).toEqual(shipped().understanding.understand(text));
    }
    expect(cached.stats.hits).toBeGreaterThanOrEqual(ownCaseTexts.length);
  });

  it('answers an exact repeat from memory with the same frozen result', () => {
    const inner = counting();
    const cached = new CachedUnderstanding(inner, { maxEntries: 10 });
    const first = cached.understand('is CST safe in pregnancy?');
    const again = cached.understand('is CST safe in pregnancy?');
    expect(again).toBe(first);
    expect(inner.calls).toBe(1);
    expect(cached.stats).toEqual({ hits: 1, misses: 1 });
    expect(Object.isFrozen(first) && Object.isFrozen(first.conditions) && Object.isFrozen(first.conditions[0])).toBe(true);
    expect(() => first.topics.push('dosing')).toThrow(TypeError);
  });

  it('shares one result between messages that differ only in case, spacing or punctuation', () => {
    const inner = counting();
    const cached = new CachedUnderstanding(inner, { maxEntries: 10 });
    const first = cached.understand('Is CST safe in pregnancy?');
    expect(cached.understand('is cst  safe in pregnancy')).toBe(first);
    expect(cached.understand('IS CST SAFE IN PREGNANCY?!')).toBe(first);
    expect(inner.calls).toBe(1);
    expect(cached.understand('is CST safe while breastfeeding?')).not.toBe(first);
    expect(inner.calls).toBe(2);
  });

  it('keeps at most maxEntries messages, dropping the least recently used', () => {
    const inner = counting();
    const cached = new CachedUnderstanding(inner, { maxEntries: 2 });
    cached.understand('what is CST?');
    cached.understand('is CST safe?');
    cached.understand('what is CST?'); // now the most recent
    cached.understand('does CST help migraines?'); // evicts "is CST safe?"
    expect(inner.calls).toBe(3);
    cached.understand('what is CST?');
    expect(inner.calls).toBe(3);
    cached.understand('is CST safe?');
    expect(inner.calls).toBe(4);
  });

  it('does not keep long messages, and keeps nothing when turned off', () => {
    const inner = counting();
    const long = `is CST safe? ${'really '.repeat(100)}`;
    const cached = new CachedUnderstanding(inner, { maxEntries: 10, maxTextLength: 100 });
    cached.understand(long);
    cached.understand(long);
    expect(inner.calls).toBe(2);
    expect(Object.isFrozen(cached.understand(long))).toBe(false);

    const off = counting();
    const uncached = new CachedUnderstanding(off, { maxEntries: 0 });
    uncached.understand('what is CST?');
    uncached.understand('what is CST?');
    expect(off.calls).toBe(2);
  });
});
