// A deep copy with exactly the result of JSON.parse(JSON.stringify(value)), without the text in
// between: strings are shared (they are immutable) instead of being escaped, copied and re-read.
// The in-memory state store copies every conversation's state in and out on each turn, and this
// keeps its copies as JSON-shaped as blob storage's while costing a fraction of a JSON round trip.
// Cycles throw (a RangeError rather than JSON's TypeError).

/** The JSON.parse(JSON.stringify(value)) of `value`. */
export function jsonClone<T>(value: T): T {
  return copy(value, '') as T;
}

/** `key` is the property name or array index that toJSON would be given (made a string only if asked). */
function copy(value: unknown, key: string | number): unknown {
  if ((value !== null && typeof value === 'object') || typeof value === 'bigint') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value, String(key));
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null; // -0 becomes 0, as in JSON
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object':
      break;
    default:
      return undefined; // undefined, functions and symbols: left out of objects, null in arrays
  }
  if (value === null) return null;
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return copy(value.valueOf(), key);
  if (Array.isArray(value)) {
    const array = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) array[i] = copy(value[i], i) ?? null;
    return array;
  }
  const object: Record<string, unknown> = {};
  // for-in with an own-property check visits Object.keys(value) in the same order, without making the array.
  for (const name in value) {
    if (!Object.prototype.hasOwnProperty.call(value, name)) continue;
    const item = copy((value as Record<string, unknown>)[name], name);
    if (item === undefined) continue;
    // JSON.parse makes "__proto__" an ordinary own property; plain assignment would set the prototype.
    if (name === '__proto__') Object.defineProperty(object, name, { value: item, enumerable: true, writable: true, configurable: true });
    else object[name] = item;
  }
  return object;
}
