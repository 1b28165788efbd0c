import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, type Storage, type StoreItems } from 'botbuilder';
import { BoundedMemoryStorage } from '../../src/state/bounded-memory-storage';
import { PROBE_INTERVAL_MS, ResilientStorage } from '../../src/state/resilient-storage';
import { StateConflictError } from '../../src/state/state-conflict';

const MIB = 1024 * 1024;

export function capturingLogger() {
  const lines: { level: number; msg: string; [field: string]: unknown }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const adapter = new TestAdapter();
/** A turn of conversation `c1`, as the bot sees it: its own context and state cache. */
function turn() {
  return new TurnContext(adapter, {
    type: 'message',
    channelId: 'test',
    conversation: { id: 'c1' } as never,
    from: { id: 'u', name: 'user' },
    recipient: { id: 'b', name: 'bot' },
  });
}
const KEY = 'test/conversations/c1/';

/** Two turns of one conversation that both read the state before either saves. */
async function racingTurns(storage: Storage) {
  const state = new ConversationState(storage);
  const memory = state.createProperty<{ lines: string[] }>('memory');
  const [first, second] = [turn(), turn()];
  const firstMemory = await memory.get(first, { lines: [] });
  const secondMemory = await memory.get(second, { lines: [] });
  firstMemory.lines.push('from the first turn');
  secondMemory.lines.push('from the second turn');
  return { state, first, second };
}

class FlakyStorage extends MemoryStorage {
  failing = false;
  readonly writes: StoreItems[] = [];
  override async read(keys: string[]) {
    if (this.failing) throw new Error('storage down');
    return super.read(keys);
  }
  override async write(changes: StoreItems) {
    if (this.failing) throw new Error('storage down');
    this.writes.push(changes);
    return super.write(changes);
  }
}

describe('ResilientStorage: writes are conditional on what was read', () => {
  it('botbuilder alone lets the later save silently replace the earlier one (the problem)', async () => {
    const storage = new MemoryStorage();
    const { state, first, second } = await racingTurns(storage);
    await state.saveChanges(first);
    await state.saveChanges(second);
    expect((await storage.read([KEY]))[KEY].memory.lines).toEqual(['from the second turn']);
  });

  for (const [name, make] of [
    ['BoundedMemoryStorage', () => new BoundedMemoryStorage({ ttlMs: 60_000, maxEntries: 10, maxBytes: MIB })],
    ['botbuilder MemoryStorage', () => new MemoryStorage()],
  ] as const) {
    it(`refuses the second creation of a new conversation's state with StateConflictError (${name})`, async () => {
      const inner = make();
      const { state, first, second } = await racingTurns(new ResilientStorage(inner, pino({ level: 'silent' })));
      await state.saveChanges(first);
      await expect(state.saveChanges(second)).rejects.toBeInstanceOf(StateConflictError);
      expect((await inner.read([KEY]))[KEY].memory.lines).toEqual(['from the first turn']);
    });

    it(`refuses a save over state that changed since it was read (${name})`, async () => {
      const inner = make();
      await inner.write({ [KEY]: { memory: { lines: ['earlier'] } } });
      const { state, first, second } = await racingTurns(new ResilientStorage(inner, pino({ level: 'silent' })));
      await state.saveChanges(first);
      await expect(state.saveChanges(second)).rejects.toBeInstanceOf(StateConflictError);
      expect((await inner.read([KEY]))[KEY].memory.lines).toEqual(['earlier', 'from the first turn']);
    });
  }

  it('saves turn after turn when nobody else writes in between', async () => {
    const inner = new BoundedMemoryStorage({ ttlMs: 60_000, maxEntries: 10, maxBytes: MIB });
    const state = new ConversationState(new ResilientStorage(inner, pino({ level: 'silent' })));
    const memory = state.createProperty<{ n: number }>('memory');
    for (let n = 1; n <= 3; n++) {
      const context = turn();
      (await memory.get(context, { n: 0 })).n = n;
      await state.saveChanges(context);
    }
    expect((await inner.read([KEY]))[KEY].memory.n).toBe(3);
  });

  it('reports a conflict as a conflict, not a storage failure: still healthy, no error logged', async () => {
    const { logger, lines } = capturingLogger();
    const storage = new ResilientStorage(new MemoryStorage(), logger);
    const { state, first, second } = await racingTurns(storage);
    await state.saveChanges(first);
    await expect(state.saveChanges(second)).rejects.toThrow(StateConflictError);
    expect(storage.isHealthy()).toBe(true);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    expect(lines.some((line) => /changed in another turn/.test(line.msg))).toBe(true);
  });

  it('keeps an eTag the caller chose', async () => {
    const inner = new MemoryStorage();
    await inner.write({ k: { v: 1 } });
    const storage = new ResilientStorage(inner, pino({ level: 'silent' }));
    const read = (await storage.read(['k'])).k;
    await storage.write({ k: { ...read, v: 2, eTag: '*' } });
    await storage.write({ k: { v: 3, eTag: '*' } });
    expect((await inner.read(['k'])).k.v).toBe(3);
  });
});

describe('ResilientStorage: failures', () => {
  it('gives a turn empty state when the read fails, logs it, and does not write that key back', async () => {
    const { logger, lines } = capturingLogger();
    const inner = new FlakyStorage();
    await inner.write({ [KEY]: { memory: { lines: ['kept'] } } });
    inner.writes.length = 0;
    const storage = new ResilientStorage(inner, logger);
    inner.failing = true;
    expect(await storage.read([KEY])).toEqual({});
    inner.failing = false;
    await storage.write({ [KEY]: { memory: { lines: [] } } });
    expect(inner.writes).toEqual([]);
    expect((await inner.read([KEY]))[KEY].memory.lines).toEqual(['kept']);
    expect(lines.some((line) => line.level === 50 && line.operation === 'read' && /storage down/.test(JSON.stringify(line.err)))).toBe(
      true,
    );
  });

  it('logs a failed write and does not throw it', async () => {
    const { logger, lines } = capturingLogger();
    const inner = new FlakyStorage();
    const storage = new ResilientStorage(inner, logger);
    const items = await storage.read([KEY]);
    inner.failing = true;
    await expect(storage.write({ [KEY]: { ...items[KEY], memory: {} } })).resolves.toBeUndefined();
    expect(storage.isHealthy()).toBe(false);
    expect(lines.some((line) => line.level === 50 && line.operation === 'write')).toBe(true);
  });
});

describe('ResilientStorage: health for /readyz', () => {
  class SwitchableStorage extends MemoryStorage {
    up = true;
    checks = 0;
    async checkHealth() {
      this.checks++;
      if (!this.up) throw new Error('unreachable');
    }
    override async read(keys: string[]) {
      if (!this.up) throw new Error('unreachable');
      return super.read(keys);
    }
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('is not ready until the start-up check passes, and checks the storage at start-up', async () => {
    const inner = new SwitchableStorage();
    const storage = new ResilientStorage(inner, pino({ level: 'silent' }));
    expect(storage.isHealthy()).toBe(false);
    await settle();
    expect(inner.checks).toBe(1);
    expect(storage.isHealthy()).toBe(true);
  });

  it('is not ready when storage is down at start-up, and becomes ready when it returns without any turn', async () => {
    const { logger, lines } = capturingLogger();
    const inner = new SwitchableStorage();
    inner.up = false;
    const storage = new ResilientStorage(inner, logger);
    await settle();
    expect(storage.isHealthy()).toBe(false);
    expect(lines.some((line) => line.level === 50 && line.operation === 'health check')).toBe(true);
    inner.up = true;
    await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS + 50));
    storage.isHealthy(); // a readiness question starts a check
    await settle();
    expect(storage.isHealthy()).toBe(true);
    expect(lines.some((line) => line.msg === 'state storage works again')).toBe(true);
  });

  it('checks a storage without checkHealth by reading a key no conversation uses', async () => {
    const inner = new FlakyStorage();
    inner.failing = true;
    const storage = new ResilientStorage(inner, pino({ level: 'silent' }));
    await settle();
    expect(storage.isHealthy()).toBe(false);
    inner.failing = false;
    await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS + 50));
    storage.isHealthy();
    await settle();
    expect(storage.isHealthy()).toBe(true);
    expect(inner.writes).toEqual([]);
  });
});
