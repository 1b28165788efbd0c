// One stable pass of a radix sort over 32-bit keys that carry a payload, for indexes built from millions
// of (key, entry) pairs at start-up: a counting pass over flat typed arrays is many times faster than
// sorting objects or filling a Map of lists, and stable passes from the low bits up sort fully.

/** `keys` and their `owners` reordered by `width` bits of the key from bit `shift` up, stably. */
export function countingPass(keys: Uint32Array, owners: Uint32Array, shift: number, width: number): [Uint32Array, Uint32Array] {
  const mask = (1 << width) - 1;
  const next = new Uint32Array(mask + 2);
  for (let i = 0; i < keys.length; i++) next[((keys[i] >>> shift) & mask) + 1]++;
  for (let d = 0; d <= mask; d++) next[d + 1] += next[d];
  const sortedKeys = new Uint32Array(keys.length);
  const sortedOwners = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const slot = next[(keys[i] >>> shift) & mask]++;
    sortedKeys[slot] = keys[i];
    sortedOwners[slot] = owners[i];
  }
  return [sortedKeys, sortedOwners];
}

/** `keys` and their `owners` ordered by the whole key, ties in their original order: three passes of 11, 11
 * and 10 bits (a 2,048-slot count still fits the processor's fastest cache; a fourth pass cost more). */
export function radixSort(keys: Uint32Array, owners: Uint32Array): [Uint32Array, Uint32Array] {
  let sorted: [Uint32Array, Uint32Array] = [keys, owners];
  for (const [shift, width] of [
    [0, 11],
    [11, 11],
    [22, 10],
  ])
    sorted = countingPass(sorted[0], sorted[1], shift, width);
  return sorted;
}
