// The default in-process conversation state, bounded so memory stays flat however many
// conversations come and go: an idle conversation expires after a TTL, and past a cap the least
// recently used ones are dropped. Items are kept as copies with JSON's semantics (jsonClone), so no caller
// shares objects with storage and what is kept is what blob storage would keep.
// eTags work as in botbuilder's MemoryStorage: a write with a stale eTag is refused.
import type { Storage, StoreItems } from 'botbuilder';
import { jsonClone } from '../util/json-clone';

interface Entry {
  /** A private copy of the item, without its eTag. */
  item: Record<string, unknown>;
  eTag: string;
  expiresAt: number;
}

export interface BoundedMemoryOptions {
  ttlMs: number;
  maxEntries: number;
  /** Clock, replaceable in tests. */
  now?: () => number;
}

export class BoundedMemoryStorage implements Storage {
  /** Map order is recency order: oldest first, so eviction takes from the front. */
  private readonly entries = new Map<string, Entry>();
  private nextETag = 1;
  private readonly now: () => number;

  constructor(private readonly options: BoundedMemoryOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Number of entries held: never more than maxEntries. */
  get size(): number {
    return this.entries.size;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    const now = this.now();
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry) continue;
      this.entries.delete(key);
      if (entry.expiresAt <= now) continue;
      entry.expiresAt = now + this.options.ttlMs;
      this.entries.set(key, entry); // most recently used goes to the back
      const item = jsonClone(entry.item);
      item.eTag = entry.eTag;
      items[key] = item;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const now = this.now();
    for (const [key, item] of Object.entries(changes)) {
      const existing = this.entries.get(key);
      const live = existing && existing.expiresAt > now ? existing : undefined;
      const eTag = (item as { eTag?: string }).eTag;
      if (live && eTag && eTag !== '*' && eTag !== live.eTag) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
      this.entries.delete(key);
      const stored = jsonClone(item) as Record<string, unknown>;
      delete stored.eTag;
      this.entries.set(key, { item: stored, eTag: String(this.nextETag++), expiresAt: now + this.options.ttlMs });
    }
    this.evict(now);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  /** Drops expired entries from the front, then the least recently used beyond the cap. */
  private evict(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && entry.expiresAt > now) break;
      this.entries.delete(key);
    }
  }
}
