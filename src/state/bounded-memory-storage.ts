// The default in-process conversation state, bounded so memory stays flat however many
// conversations come and go: an idle conversation expires after a TTL, and past a cap the least
// recently used ones are dropped (lru-cache keeps both bounds). Items are kept as copies with JSON's
// semantics (jsonClone), so no caller shares objects with storage and what is kept is what blob
// storage would keep. eTags work as in botbuilder's MemoryStorage: a write with a stale eTag is refused.
import type { Storage, StoreItems } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import { jsonClone } from '../util/json-clone';

interface Entry {
  /** A private copy of the item, without its eTag. */
  item: Record<string, unknown>;
  eTag: string;
}

export interface BoundedMemoryOptions {
  ttlMs: number;
  maxEntries: number;
  /** Clock in milliseconds, replaceable in tests. */
  now?: () => number;
}

export class BoundedMemoryStorage implements Storage {
  private readonly entries: LRUCache<string, Entry>;
  private nextETag = 1;

  constructor(options: BoundedMemoryOptions) {
    this.entries = new LRUCache<string, Entry>({
      max: options.maxEntries,
      ttl: options.ttlMs,
      // Reading a conversation keeps it alive, as a turn does.
      updateAgeOnGet: true,
      // A test clock is read every time; the real one may be cached for a millisecond.
      ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
    });
  }

  /** Number of entries held: never more than maxEntries. */
  get size(): number {
    return this.entries.size;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry) continue;
      const item = jsonClone(entry.item);
      item.eTag = entry.eTag;
      items[key] = item;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const live = this.entries.get(key, { updateAgeOnGet: false });
      const eTag = (item as { eTag?: string }).eTag;
      if (live && eTag && eTag !== '*' && eTag !== live.eTag) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
      // Copied without the eTag (JSON leaves out undefined), which the storage assigns.
      const stored = jsonClone({ ...item, eTag: undefined }) as Record<string, unknown>;
      this.entries.set(key, { item: stored, eTag: String(this.nextETag++) });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }
}
