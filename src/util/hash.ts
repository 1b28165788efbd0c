// A SHA-256 of some text, as a fixed-length key: ids that must not be stored or shown as they are
// (conversation keys in logs, raters, rate-limit keys) and names no crafted id can make collide (blobs).
import { hash } from 'node:crypto';

/** The SHA-256 of `text` (UTF-8) in `encoding`, cut to its first `chars` characters when given. */
export function sha256(text: string, encoding: 'hex' | 'base64url', chars?: number): string {
  // The one-shot hash: a turn hashes two or three ids, and a Hash object per id cost more than the hashing.
  const digest = hash('sha256', text, encoding);
  return chars === undefined ? digest : digest.slice(0, chars);
}
