import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonClone } from '../../src/util/json-clone';

const viaJson = (value: unknown): unknown => {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
};

describe('jsonClone', () => {
  it('gives what a JSON round trip gives, for any value', () => {
    const anything = fc.anything({
      withDate: true,
      withMap: true,
      withSet: true,
      withBoxedValues: true,
      withNullPrototype: true,
      withSparseArray: true,
      withTypedArray: true,
      withObjectString: true,
    });
    fc.assert(
      fc.property(anything, (value) => {
        expect(jsonClone(value)).toStrictEqual(viaJson(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('follows toJSON, drops undefined and functions from objects and nulls them in arrays', () => {
    const value = {
      when: new Date(0),
      skip: undefined,
      fn: () => 1,
      list: [undefined, () => 1, NaN, -0],
      nested: { toJSON: (key: string) => `key:${key}` },
    };
    expect(jsonClone(value)).toStrictEqual({ when: '1970-01-01T00:00:00.000Z', list: [null, null, null, 0], nested: 'key:nested' });
  });

  it('keeps "__proto__" as an ordinary key, as JSON.parse does', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copy = jsonClone(value);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
    expect(copy).toStrictEqual(viaJson(value));
  });

  it('copies deeply: changing the copy leaves the original alone', () => {
    const original = { memory: { transcript: [{ text: 'hi' }], failures: 0 } };
    const copy = jsonClone(original);
    copy.memory.transcript.push({ text: 'more' });
    copy.memory.failures = 2;
    expect(original).toEqual({ memory: { transcript: [{ text: 'hi' }], failures: 0 } });
  });

  it('copies own properties only, in their order', () => {
    const value = Object.assign(Object.create({ inherited: 1 }) as Record<string, unknown>, { b: 1, 2: 'two', a: 2, 1: 'one' });
    const copy = jsonClone(value);
    expect(copy).toStrictEqual(viaJson(value));
    expect(Object.keys(copy)).toEqual(['1', '2', 'b', 'a']);
  });

  it('refuses a BigInt as JSON does', () => {
    expect(() => jsonClone({ n: 1n })).toThrow(TypeError);
  });
});
