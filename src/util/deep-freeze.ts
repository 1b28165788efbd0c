// Freezes an object and everything it holds, so that a value shared between turns (a cached
// understanding, answer or rendering) cannot be changed by one of them: a change throws instead.
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
