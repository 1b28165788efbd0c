// Values shared between turns (a cached understanding, answer or rendering) are deep-frozen, so that
// no turn can change what another sees: a change throws instead. Being frozen is also how a value says
// it is shared, so what is derived from it can be made once and shared too.
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * `derive()` for `key`: made once and frozen when `key` is shared (frozen), kept as long as `key` lives
 * (`cache` is a WeakMap); made afresh each time for a value that is not shared.
 */
export function onceForShared<K extends object, V>(cache: WeakMap<K, V>, key: K, derive: () => V): V {
  if (!Object.isFrozen(key)) return derive();
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = deepFreeze(derive())));
  return value;
}
