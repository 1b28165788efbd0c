// Wraps the configured storage so that a storage failure never stops a turn: a failed read gives
// the turn empty state (it is answered without context), and the failure is logged. A key whose read
// failed is not written back in the same turn, so empty state never overwrites what storage holds.
import type { Storage, StoreItems } from 'botbuilder';
import type { Logger } from '../logger';

export class ResilientStorage implements Storage {
  /** Keys whose last read failed: their next write is skipped rather than overwrite real state. */
  private readonly unreadable = new Set<string>();
  private healthy = true;

  constructor(
    private readonly inner: Storage,
    private readonly logger: Logger,
  ) {}

  /** False after a failed read or write, until one succeeds again. */
  isHealthy(): boolean {
    return this.healthy;
  }

  async read(keys: string[]): Promise<StoreItems> {
    try {
      const items = await this.inner.read(keys);
      keys.forEach((key) => this.unreadable.delete(key));
      this.healthy = true;
      return items;
    } catch (error) {
      this.fail('read', error);
      keys.forEach((key) => this.unreadable.add(key));
      return {};
    }
  }

  async write(changes: StoreItems): Promise<void> {
    const writable: StoreItems = {};
    for (const [key, value] of Object.entries(changes)) {
      if (this.unreadable.has(key)) this.unreadable.delete(key);
      else writable[key] = value;
    }
    if (Object.keys(writable).length === 0) return;
    try {
      await this.inner.write(writable);
      this.healthy = true;
    } catch (error) {
      this.fail('write', error);
    }
  }

  async delete(keys: string[]): Promise<void> {
    try {
      await this.inner.delete(keys);
    } catch (error) {
      this.fail('delete', error);
    }
  }

  private fail(operation: string, error: unknown): void {
    this.healthy = false;
    this.logger.error({ err: { message: (error as Error).message }, operation }, 'state storage failed; answering without context');
  }
}
