import { describe, expect, it } from 'vitest';
import { deepFreeze, onceForShared } from '../../src/util/deep-freeze';

describe('onceForShared', () => {
  it('derives once for a shared (frozen) value and freezes what it derived', () => {
    const cache = new WeakMap<object, { list: number[] }>();
    const shared = deepFreeze({ n: 1 });
    let calls = 0;
    const derive = () => (calls++, { list: [1, 2] });
    const first = onceForShared(cache, shared, derive);
    expect(onceForShared(cache, shared, derive)).toBe(first);
    expect(calls).toBe(1);
    expect(() => first.list.push(3)).toThrow(TypeError);
  });

  it('derives afresh, and leaves unfrozen, for a value that is not shared', () => {
    const cache = new WeakMap<object, { list: number[] }>();
    const own = { n: 1 };
    const first = onceForShared(cache, own, () => ({ list: [1] }));
    const second = onceForShared(cache, own, () => ({ list: [1] }));
    expect(second).not.toBe(first);
    first.list.push(2);
    expect(first.list).toEqual([1, 2]);
  });
});
