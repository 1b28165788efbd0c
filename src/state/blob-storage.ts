// Conversation state in Azure Blob Storage (STATE_STORAGE=blob), so any number of bot processes share
// it. Reads, eTag-conditional writes and deletes go through botbuilder-azure-blobs' BlobsStorage; this
// class adds what BlobsStorage lacks:
// - create-only writes: BlobsStorage writes an item that had no eTag unconditionally, so two processes
//   starting the same conversation at once would overwrite each other. A write carrying CREATE_ONLY_ETAG
//   is uploaded here with If-None-Match: *, and refused with the usual eTag-conflict error if the blob
//   appeared meanwhile;
// - a container that is (re)created: BlobsStorage creates it lazily on first use and remembers a failed
//   attempt forever (storage down at start-up would mean state never works again). Here it is created at
//   start-up through checkHealth(), again whenever a write finds it gone, and a BlobsStorage whose first
//   use failed is replaced by a fresh one;
// - a deadline: the SDK's "try timeout" only asks the service to give up (a URL parameter, whole seconds);
//   nothing on our side stops waiting for a service that never answers. Every operation here fails after
//   operationTimeoutMs, so a hung storage costs a turn a bounded wait and the turn goes on without context.
//   Requests we make ourselves are aborted then; BlobsStorage offers no abort, so its request is only
//   abandoned (eTags make a write that lands late harmless: it cannot replace a newer state);
// - collision-free names: each key's blob is named by a hash of the whole key (blob-names.ts), never by
//   BlobsStorage's cut-down key. State under an old name is read when the new blob is absent and is
//   moved on the turn's write (created under the new name, then the old blob deleted).
import { ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import type { StoreItem, StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { blobName, hasOwnLegacyName } from './blob-names';
import type { HealthCheckedStorage } from './resilient-storage';
import { CREATE_ONLY_ETAG } from './state-conflict';

export interface BlobTimeouts {
  /** The longest any read, write or check may take, retries included. */
  operationTimeoutMs: number;
  /** Tries per request, the first included (the SDK retries refused connections and 500/503). */
  maxTries: number;
  /** Sent to the service as its own time limit per try (whole seconds, at least one). */
  tryTimeoutInMs: number;
  retryDelayInMs: number;
}

/** A turn waits at most ~3 s for a read and as long for its save; the channel waits about 15 s. */
export const BLOB_TIMEOUTS: BlobTimeouts = { operationTimeoutMs: 3000, maxTries: 2, tryTimeoutInMs: 2000, retryDelayInMs: 200 };

/** Keys remembered as being moved at most; past it the old blobs of those not yet written are left. */
const MAX_MIGRATING = 10_000;

export interface BlobStateOptions {
  connectionString: string;
  container: string;
  timeouts?: BlobTimeouts;
}

export class BlobStateStorage implements HealthCheckedStorage {
  private readonly pipeline: StoragePipelineOptions;
  private readonly container: ContainerClient;
  private blobs: BlobsStorage;
  /** Whether the current BlobsStorage has completed an operation (so its container check succeeded). */
  private blobsWorked = false;
  private containerReady?: Promise<void>;
  private readonly timeouts: BlobTimeouts;
  /** Keys last read from their old blob name, to delete once their state is written under the new one. */
  private readonly migrating = new Set<string>();

  constructor(private readonly options: BlobStateOptions) {
    this.timeouts = options.timeouts ?? BLOB_TIMEOUTS;
    const { maxTries, tryTimeoutInMs, retryDelayInMs } = this.timeouts;
    this.pipeline = {
      retryOptions: { maxTries, tryTimeoutInMs: Math.max(1000, tryTimeoutInMs), retryDelayInMs, maxRetryDelayInMs: retryDelayInMs * 4 },
    };
    this.container = new ContainerClient(options.connectionString, options.container, this.pipeline);
    this.blobs = this.newBlobsStorage();
  }

  /** Creates the container if it is missing; throws when storage cannot be reached. */
  checkHealth(): Promise<void> {
    return this.withDeadline('health check', (abortSignal) => this.ensureContainer(abortSignal, true));
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.withDeadline('read', async (abortSignal) => {
      // Both names in one BlobsStorage read, whose requests run in parallel, so a turn waits one round trip
      // (looking for the old name only after the new one was missing took two, and new conversations hit the
      // read deadline under load). BlobsStorage names a blob after the key it is given, cut down: the hashed
      // name stays as it is, and the original key finds the old blob.
      const legacyKeys = keys.filter(hasOwnLegacyName);
      const found = await this.withBlobs(abortSignal, (blobs) => blobs.read([...keys.map(blobName), ...legacyKeys]));
      const items: StoreItems = {};
      for (const key of keys) {
        const current = found[blobName(key)] as StoreItem | undefined;
        const legacy = legacyKeys.includes(key) ? (found[key] as StoreItem | undefined) : undefined;
        if (current) items[key] = current;
        else if (legacy) {
          // Created under the new name by the turn's write, unless another process moved it first.
          items[key] = { ...legacy, eTag: CREATE_ONLY_ETAG };
          this.noteMigrating(key);
        }
      }
      return items;
    });
  }

  delete(keys: string[]): Promise<void> {
    return this.withDeadline('delete', (abortSignal) =>
      this.withBlobs(abortSignal, (blobs) => blobs.delete([...keys.map(blobName), ...keys.filter(hasOwnLegacyName)])),
    );
  }

  write(changes: StoreItems): Promise<void> {
    return this.withDeadline('write', async (abortSignal) => {
      try {
        await this.writeOnce(changes, abortSignal);
      } catch (error) {
        if (errorCode(error) !== 'ContainerNotFound') throw error;
        // The container went away (deleted by hand, or an emulator restarted): make it again, try once more.
        await this.ensureContainer(abortSignal, true);
        await this.writeOnce(changes, abortSignal);
      }
    });
  }

  private async writeOnce(changes: StoreItems, abortSignal: AbortSignal): Promise<void> {
    const updates: StoreItems = {};
    for (const [key, item] of Object.entries(changes)) {
      if ((item as StoreItem).eTag === CREATE_ONLY_ETAG) await this.create(key, item as StoreItem, abortSignal);
      else updates[blobName(key)] = item;
    }
    if (Object.keys(updates).length > 0) await this.withBlobs(abortSignal, (blobs) => blobs.write(updates));
  }

  /** Writes an item that must not exist yet, stored exactly as BlobsStorage stores one. */
  private async create(key: string, item: StoreItem, abortSignal: AbortSignal): Promise<void> {
    await this.createUnderNewName(key, item, abortSignal);
    if (this.migrating.delete(key)) {
      // Moved: the old blob goes, so a later read cannot find it again after this conversation is deleted.
      await this.withBlobs(abortSignal, (blobs) => blobs.delete([key])).catch(() => undefined);
    }
  }

  private async createUnderNewName(key: string, item: StoreItem, abortSignal: AbortSignal): Promise<void> {
    await this.ensureContainer(abortSignal);
    const content: StoreItem = { ...item };
    delete content.eTag;
    const body = JSON.stringify(content);
    try {
      await this.container.getBlockBlobClient(blobName(key)).upload(body, Buffer.byteLength(body), {
        abortSignal,
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
    } catch (error) {
      if (errorCode(error) === 'BlobAlreadyExists' || statusCode(error) === 412) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
      throw error;
    }
  }

  /** Remembers a key being moved; the set is bounded (a turn that never writes leaves its key behind). */
  private noteMigrating(key: string): void {
    if (this.migrating.size >= MAX_MIGRATING) this.migrating.clear();
    this.migrating.add(key);
  }

  private async withBlobs<T>(abortSignal: AbortSignal, operation: (blobs: BlobsStorage) => Promise<T>): Promise<T> {
    await this.ensureContainer(abortSignal);
    const blobs = this.blobs;
    // Until a BlobsStorage has worked once, its failure (or hang) may be a container check it never retries.
    const replaceIfNeverWorked = () => {
      if (!this.blobsWorked && this.blobs === blobs) this.blobs = this.newBlobsStorage();
    };
    abortSignal.addEventListener('abort', replaceIfNeverWorked);
    try {
      const result = await operation(blobs);
      if (this.blobs === blobs) this.blobsWorked = true;
      return result;
    } catch (error) {
      replaceIfNeverWorked();
      throw error;
    } finally {
      abortSignal.removeEventListener('abort', replaceIfNeverWorked);
    }
  }

  /** Fails after operationTimeoutMs, aborting what can be aborted; a late failure is then ignored. */
  private async withDeadline<T>(operation: string, work: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    const { operationTimeoutMs } = this.timeouts;
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(new Error(`blob storage ${operation} took longer than ${operationTimeoutMs} ms`));
      }, operationTimeoutMs);
    });
    const running = work(abort.signal);
    running.catch(() => undefined); // it may fail after the deadline, when nobody waits for it
    try {
      return await Promise.race([running, expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Creates the container once (again when `recheck`); a failed attempt is forgotten so the next call retries. */
  private ensureContainer(abortSignal: AbortSignal, recheck = false): Promise<void> {
    if (recheck || !this.containerReady) {
      const attempt = this.container.createIfNotExists({ abortSignal }).then(() => undefined);
      this.containerReady = attempt;
      attempt.catch(() => {
        if (this.containerReady === attempt) this.containerReady = undefined;
      });
    }
    return this.containerReady as Promise<void>;
  }

  private newBlobsStorage(): BlobsStorage {
    this.blobsWorked = false;
    return new BlobsStorage(this.options.connectionString, this.options.container, { storagePipelineOptions: this.pipeline });
  }
}

function statusCode(error: unknown): number | undefined {
  return (error as { statusCode?: number } | undefined)?.statusCode;
}

function errorCode(error: unknown): string | undefined {
  const { code, details } = (error ?? {}) as { code?: string; details?: { errorCode?: string } };
  return details?.errorCode ?? code;
}
