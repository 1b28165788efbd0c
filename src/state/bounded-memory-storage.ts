// The default in-process conversation state, bounded so memory stays flat however many conversations
// come and go and however large their messages: an idle conversation expires after a TTL, and past a
// cap on conversations or on bytes the least recently used ones are dropped (lru-cache keeps all three
// bounds). Each item is kept as its JSON text, as blob storage keeps it:
// - no caller shares objects with storage, and what is kept is exactly what blob storage would keep;
// - JSON.stringify makes new flat strings, so a kept string never holds on to a larger one it was cut from
//   (a sliced string keeps its parent alive; a 250 KB message could hide behind a 2,000-character line);
// - the bytes a conversation costs are known, and one JSON string is far smaller than the object graph.
// eTags work as in botbuilder's MemoryStorage: a write with a stale eTag is refused.
import type { Storage, StoreItems } from 'botbuilder';
import { LRUCache } from 'lru-cache';

interface Entry {
  /** The item as JSON, without its eTag. */
  json: string;
  eTag: string;
}

export interface BoundedMemoryOptions {
  ttlMs: number;
  maxEntries: number;
  /** The most the kept items may take, counted by entryBytes. */
  maxBytes: number;
  /** Clock in milliseconds, replaceable in tests. */
  now?: () => number;
}

/** What the cache's bookkeeping, the key's entry and the eTag cost per item, roughly, on top of the strings. */
const ENTRY_OVERHEAD_BYTES = 200;

/** An item's cost: its key and JSON counted at two bytes a character (V8 keeps them in one or two). */
export function entryBytes(key: string, json: string): number {
  return 2 * (key.length + json.length) + ENTRY_OVERHEAD_BYTES;
}

export class BoundedMemoryStorage implements Storage {
  private readonly entries: LRUCache<string, Entry>;
  private nextETag = 1;

  constructor(private readonly options: BoundedMemoryOptions) {
    this.entries = new LRUCache<string, Entry>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      sizeCalculation: (entry, key) => entryBytes(key, entry.json),
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

  /** Bytes held, by entryBytes: never more than maxBytes. */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry) continue;
      const item = JSON.parse(entry.json) as Record<string, unknown>;
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
      // Kept without the eTag (JSON leaves out undefined), which the storage assigns.
      const json = JSON.stringify({ ...item, eTag: undefined });
      // lru-cache would silently drop an item larger than the whole budget; the turn must hear of it.
      if (entryBytes(key, json) > this.options.maxBytes) throw new Error(`Storage: "${key}" is larger than the in-memory state budget`);
      this.entries.set(key, { json, eTag: String(this.nextETag++) });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }
}
