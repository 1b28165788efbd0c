// Which blob holds a state key. botbuilder-azure-blobs names a blob after the key itself, cleaned up: it
// drops empty path segments and cuts the name at 1,024 characters, so two conversation ids could share
// one blob ("s1/x" and "s1//x"; two long ids with the same first thousand characters) and one could read
// the other's state. Here a blob's name is a hash of the whole key, which no crafted id can make collide.
// State written under the old names is still found (see hasOwnLegacyName) and moved on its next write.
import { sha256 } from '../util/hash';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';

/** The blob name for a state key: "state-v2-" and the SHA-256 of the full key, in hex. */
export function blobName(key: string): string {
  return `state-v2-${sha256(key, 'hex')}`;
}

/** botbuilder-azure-blobs keeps at most 1,024 characters of a name, joins at most 255 segments with "/". */
const LEGACY_NAME_LIMIT = 1024;
const LEGACY_SEGMENT_LIMIT = 255;

/**
 * Whether the name botbuilder-azure-blobs gave this key's blob belonged to this key alone. It did not when
 * the old clean-up was ambiguous (an empty segment inside the key, too many segments, a name long enough
 * to be cut): such state may have been written by another id and is never adopted.
 */
export function hasOwnLegacyName(key: string): boolean {
  const segments = key.split('/');
  if (segments.at(-1) === '') segments.pop(); // the trailing "/" of every conversation key
  if (segments.length > LEGACY_SEGMENT_LIMIT || segments.some((segment) => segment === '')) return false;
  if (!key.isWellFormed()) return false; // the old clean-up threw on it, so nothing was stored
  return sanitizeBlobKey(key).length < LEGACY_NAME_LIMIT;
}
