// The vocabulary of optimistic concurrency shared by the state modules: how a write says "only if
// nothing changed since I read it", and the error that says something did.

/**
 * The eTag a write carries when its item did not exist at read time: the write may create the item but
 * never replace one that appeared meanwhile. botbuilder's MemoryStorage and our BoundedMemoryStorage
 * behave so by construction (an absent item accepts any eTag; a present one matches no such eTag) and
 * BlobStateStorage turns it into `If-None-Match: *`. It never equals a real eTag.
 */
export const CREATE_ONLY_ETAG = 'create-only:item-was-absent-when-read';

/** State changed in storage after this turn read it: the turn must be redone from fresh state. */
export class StateConflictError extends Error {
  constructor(readonly keys: string[]) {
    super('conversation state changed in storage after it was read');
    this.name = 'StateConflictError';
  }
}

/**
 * Whether a storage refused a write because its eTag no longer matched. Every botbuilder storage
 * (MemoryStorage, BlobsStorage, CosmosDbPartitionedStorage) reports it as a plain Error with this wording.
 */
export function isETagConflict(error: unknown): boolean {
  return error instanceof StateConflictError || (error instanceof Error && /eTag conflict/i.test(error.message));
}
