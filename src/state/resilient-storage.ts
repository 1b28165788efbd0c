// Wraps the configured storage so that a storage failure never stops a turn: a failed read gives
// the turn empty state (it is answered without context), and the failure is logged. A key whose read
// failed is not written back in the same turn, so empty state never overwrites what storage holds.
//
// It also makes every write conditional on what was read, because botbuilder's BotState writes with
// eTag "*" (last writer wins): the item a read returns is remembered with its eTag (or as absent), and
// when that same object comes back to be written the write carries that eTag (or CREATE_ONLY_ETAG). A
// write refused for an eTag conflict is not a storage failure: it is thrown as StateConflictError so
// that ConversationTurns redoes the turn from fresh state.
//
// Health for /readyz: false after a failed operation until one succeeds. The storage is checked at
// start-up (BlobStateStorage also creates its container then), and while unhealthy each readiness
// question starts a background check (at most one a second), so readiness recovers with the storage
// even when no turns arrive (a load balancer sends none to an instance that is not ready).
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { Logger } from '../observability/logger';
import { CREATE_ONLY_ETAG, StateConflictError, isETagConflict } from './state-conflict';

/** A storage that can say whether it works without reading or writing conversation state. */
export interface HealthCheckedStorage extends Storage {
  checkHealth(): Promise<void>;
}

/** What the generic health check reads; no conversation key looks like it. */
export const PROBE_KEY = 'readiness-probe';
/** Shortest gap between background health checks while unhealthy. */
export const PROBE_INTERVAL_MS = 1000;

export class ResilientStorage implements Storage {
  /** Keys whose last read failed: their next write is skipped rather than overwrite real state. */
  private readonly unreadable = new Set<string>();
  /** The eTag each object returned by read() had in storage (CREATE_ONLY_ETAG: it was absent). */
  private readonly readETags = new WeakMap<object, string>();
  /** Not ready until the start-up check has answered. */
  private health: 'unchecked' | 'ok' | 'failing' = 'unchecked';
  private probing = false;
  private lastProbeAt = 0;

  constructor(
    private readonly inner: Storage,
    private readonly logger: Logger,
  ) {
    this.probe();
  }

  /** False until the start-up check passes, and after a failed operation until one succeeds again. */
  isHealthy(): boolean {
    if (this.health !== 'ok') this.probe();
    return this.health === 'ok';
  }

  async read(keys: string[]): Promise<StoreItems> {
    let items: StoreItems;
    try {
      items = await this.inner.read(keys);
    } catch (error) {
      this.fail('read', error);
      keys.forEach((key) => this.unreadable.add(key));
      return {};
    }
    keys.forEach((key) => this.unreadable.delete(key));
    this.succeed();
    for (const key of keys) {
      const item = items[key] as StoreItem | undefined;
      if (item && typeof item.eTag === 'string' && item.eTag !== '*') this.readETags.set(item, item.eTag);
      // An absent item comes back as an empty object we can recognise when it is written.
      else if (!item) this.readETags.set((items[key] = {}), CREATE_ONLY_ETAG);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const writable: StoreItems = {};
    for (const [key, value] of Object.entries(changes)) {
      if (this.unreadable.has(key)) this.unreadable.delete(key);
      else writable[key] = this.conditional(value as StoreItem);
    }
    const keys = Object.keys(writable);
    if (keys.length === 0) return;
    try {
      await this.inner.write(writable);
    } catch (error) {
      if (!isETagConflict(error)) return this.fail('write', error);
      this.succeed(); // storage answered; the state just moved on
      this.logger.info({ keys }, 'conversation state changed in another turn; the turn is redone from fresh state');
      throw new StateConflictError(keys);
    }
    this.succeed();
    // The stored eTag is now a new one we do not know: a second write of the same object is unconditional.
    Object.values(changes).forEach((value) => this.readETags.delete(value as object));
  }

  async delete(keys: string[]): Promise<void> {
    try {
      await this.inner.delete(keys);
    } catch (error) {
      this.fail('delete', error);
    }
  }

  /** The item as it should be written: with the eTag it was read with, unless the caller chose one. */
  private conditional(item: StoreItem): StoreItem {
    const readETag = this.readETags.get(item);
    if (!readETag || (item.eTag !== undefined && item.eTag !== '*')) return item;
    return { ...item, eTag: readETag };
  }

  /** Starts a background health check unless one is running or one started less than a second ago. */
  private probe(): void {
    const now = Date.now();
    if (this.probing || now - this.lastProbeAt < PROBE_INTERVAL_MS) return;
    this.probing = true;
    this.lastProbeAt = now;
    const inner = this.inner;
    const check = async () => (isHealthChecked(inner) ? inner.checkHealth() : inner.read([PROBE_KEY]));
    void check()
      .then(
        () => this.succeed(),
        (error: unknown) => {
          if (this.health === 'failing') this.logger.debug({ err: { message: (error as Error).message } }, 'state storage still failing');
          else this.fail('health check', error);
        },
      )
      .finally(() => (this.probing = false));
  }

  private succeed(): void {
    if (this.health === 'failing') this.logger.info('state storage works again');
    this.health = 'ok';
  }

  private fail(operation: string, error: unknown): void {
    this.health = 'failing';
    this.logger.error({ err: { message: (error as Error).message }, operation }, 'state storage failed; answering without context');
  }
}

function isHealthChecked(storage: Storage): storage is HealthCheckedStorage {
  return typeof (storage as Partial<HealthCheckedStorage>).checkHealth === 'function';
}
