import { describe, expect, it } from 'vitest';
import { ConversationState, TestAdapter } from 'botbuilder';
import { BoundedMemoryStorage, entryBytes } from '../../src/state/bounded-memory-storage';

const MIB = 1024 * 1024;

describe('BoundedMemoryStorage', () => {
  it('keeps at most the cap through 100,000 distinct conversations', async () => {
    const storage = new BoundedMemoryStorage({ ttlMs: 3_600_000, maxEntries: 5_000, maxBytes: 64 * MIB });
    let largest = 0;
    for (let i = 0; i < 100_000; i++) {
      await storage.write({ [`webchat/conversations/c${i}`]: { memory: { therapyId: 'craniosacral-therapy', n: i } } });
      largest = Math.max(largest, storage.size);
    }
    expect(largest).toBe(5_000);
    expect(storage.size).toBe(5_000);
    expect(await storage.read(['webchat/conversations/c0'])).toEqual({});
    expect((await storage.read(['webchat/conversations/c99999']))['webchat/conversations/c99999']).toMatchObject({ memory: { n: 99_999 } });
  });

  it('keeps at most its byte budget: large conversations push out the least recently used', async () => {
    const storage = new BoundedMemoryStorage({ ttlMs: 3_600_000, maxEntries: 100_000, maxBytes: 4 * MIB });
    const line = 'x'.repeat(60_000); // about what 30 transcript lines of 2,000 characters hold
    let largest = 0;
    for (let i = 0; i < 1_000; i++) {
      await storage.write({ [`webchat/conversations/big-${i}/`]: { memory: { transcript: [line, `${i}`] } } });
      largest = Math.max(largest, storage.bytes);
    }
    expect(largest).toBeLessThanOrEqual(4 * MIB);
    const perItem = entryBytes('webchat/conversations/big-999/', JSON.stringify({ memory: { transcript: [line, '999'] } }));
    expect(storage.size).toBe(Math.floor((4 * MIB) / perItem));
    expect(await storage.read(['webchat/conversations/big-0/'])).toEqual({});
    expect((await storage.read(['webchat/conversations/big-999/']))['webchat/conversations/big-999/']).toBeDefined();
  });

  it('refuses, rather than silently drops, an item larger than the whole budget', async () => {
    const storage = new BoundedMemoryStorage({ ttlMs: 60_000, maxEntries: 10, maxBytes: MIB });
    await expect(storage.write({ k: { text: 'x'.repeat(MIB) } })).rejects.toThrow(/larger than the in-memory state budget/);
  });

  it('expires idle conversations after the TTL, and reading keeps one alive', async () => {
    let now = 10_000; // (lru-cache takes a start time of 0 for "never set")
    const storage = new BoundedMemoryStorage({ ttlMs: 1000, maxEntries: 100, maxBytes: MIB, now: () => now });
    await storage.write({ idle: { a: 1 }, busy: { b: 2 } });
    now = 10_900;
    await storage.read(['busy']);
    now = 11_500;
    expect(await storage.read(['idle'])).toEqual({});
    expect(Object.keys(await storage.read(['busy']))).toEqual(['busy']);
    await storage.write({ newcomer: { c: 3 } });
    expect(storage.size).toBe(2);
  });

  it('evicts the least recently used first', async () => {
    const storage = new BoundedMemoryStorage({ ttlMs: 60_000, maxEntries: 2, maxBytes: MIB });
    await storage.write({ a: { v: 1 } });
    await storage.write({ b: { v: 2 } });
    await storage.read(['a']);
    await storage.write({ c: { v: 3 } });
    expect(Object.keys(await storage.read(['a', 'b', 'c'])).sort()).toEqual(['a', 'c']);
  });

  it('refuses a write with a stale eTag and accepts "*"', async () => {
    const storage = new BoundedMemoryStorage({ ttlMs: 60_000, maxEntries: 10, maxBytes: MIB });
    await storage.write({ k: { v: 1 } });
    const first = (await storage.read(['k'])).k;
    await storage.write({ k: { ...first, v: 2 } });
    await expect(storage.write({ k: { ...first, v: 3 } })).rejects.toThrow(/eTag conflict/);
    await storage.write({ k: { v: 4, eTag: '*' } });
    expect((await storage.read(['k'])).k.v).toBe(4);
  });

  it('never shares objects with its callers', async () => {
    const storage = new BoundedMemoryStorage({ ttlMs: 60_000, maxEntries: 10, maxBytes: MIB });
    const item = { list: [1] };
    await storage.write({ k: item });
    item.list.push(2);
    const read = (await storage.read(['k'])).k;
    read.list.push(3);
    expect((await storage.read(['k'])).k.list).toEqual([1]);
  });

  it('works as botbuilder ConversationState storage', async () => {
    const state = new ConversationState(new BoundedMemoryStorage({ ttlMs: 60_000, maxEntries: 10, maxBytes: MIB }));
    const counter = state.createProperty<number>('count');
    const adapter = new TestAdapter(async (context) => {
      const count = (await counter.get(context, 0)) + 1;
      await counter.set(context, count);
      await context.sendActivity(`turn ${count}`);
      await state.saveChanges(context);
    });
    await adapter.send('a').assertReply('turn 1').send('b').assertReply('turn 2').startTest();
  });
});
