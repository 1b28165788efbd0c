// A deep copy with exactly the result of JSON.parse(JSON.stringify(value)), without the text in
// between: strings are shared (they are immutable) instead of being escaped, copied and re-read.
// The in-memory state store copies every conversation's state in and out on each turn, and this
// keeps its copies as JSON-shaped as blob storage's while costing a fraction of a JSON round trip.
// Plain objects and arrays (nearly all state) are copied whole by the engine ({...o}, a.slice()) and
// then only the values JSON would change are fixed; building copies key by key cost several times
// more. Anything else takes the general path. Cycles throw (a RangeError rather than JSON's TypeError).

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
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto === Object.prototype) return copyPlainObject(value as Record<string, unknown>);
  if (proto === Array.prototype) return copyPlainArray(value as unknown[]);
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return copy(value.valueOf(), key);
  if (Array.isArray(value)) return copyPlainArray(Array.from(value as unknown[]));
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

/** Whether JSON would give something other than the value itself (strings, booleans, finite numbers, null stay). */
function changes(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return false;
    case 'number':
      return !Number.isFinite(value) || Object.is(value, -0);
    case 'object':
      return value !== null;
    default:
      return true;
  }
}

function copyPlainObject(value: Record<string, unknown>): Record<string, unknown> {
  // Own enumerable properties in order, getters read, "__proto__" kept as an own property: as JSON does.
  const object = { ...value };
  for (const name in object) {
    if (!Object.prototype.hasOwnProperty.call(object, name)) continue;
    const item = object[name];
    if (!changes(item)) continue;
    const copied = copy(item, name);
    if (copied === undefined) delete object[name];
    else object[name] = copied;
  }
  for (const symbol of Object.getOwnPropertySymbols(object)) delete (object as Record<symbol, unknown>)[symbol];
  return object;
}

function copyPlainArray(value: unknown[]): unknown[] {
  const array = value.slice(); // holes read as undefined below and become null
  for (let i = 0; i < array.length; i++) {
    const item = array[i];
    if (changes(item)) array[i] = copy(item, i) ?? null;
  }
  return array;
}
