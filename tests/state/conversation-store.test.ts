import { describe, expect, it } from 'vitest';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, type Activity, type Storage, type StoreItems } from 'botbuilder';
import { ConversationStore } from '../../src/state/conversation-store';

/** A storage that counts reads and writes. */
function counted(inner: Storage = new MemoryStorage()) {
  const counts = { reads: 0, writes: 0 };
  const storage: Storage = {
    read: (keys) => (counts.reads++, inner.read(keys)),
    write: (changes: StoreItems) => (counts.writes++, inner.write(changes)),
    delete: (keys) => inner.delete(keys),
  };
  return { storage, counts };
}

const adapter = new TestAdapter();
const turn = (conversation = 'c1', channelId = 'test') =>
  new TurnContext(adapter, {
    type: 'message',
    text: 'hi',
    channelId,
    conversation: { id: conversation },
    from: { id: 'u' },
    recipient: { id: 'b' },
  } as Activity);

describe('ConversationStore', () => {
  it('keeps a value per conversation from one turn to the next', async () => {
    const store = new ConversationStore(new MemoryStorage(), 'memory', () => ({ turns: 0 }));
    for (let i = 0; i < 3; i++) {
      const context = turn();
      (await store.get(context)).turns++;
      await store.saveChanges(context);
    }
    const context = turn();
    expect(await store.get(context)).toEqual({ turns: 3 });
    expect(await store.get(turn('c2'))).toEqual({ turns: 0 });
  });

  it('reads once a turn and writes only a turn that read', async () => {
    const { storage, counts } = counted();
    const store = new ConversationStore(storage, 'memory', () => ({ n: 0 }));
    const context = turn();
    await store.get(context);
    await store.get(context);
    await store.saveChanges(context);
    expect(counts).toEqual({ reads: 1, writes: 1 });
    await store.saveChanges(turn());
    expect(counts).toEqual({ reads: 1, writes: 1 });
  });

  it('rereads on a forced load, dropping what the turn changed', async () => {
    const storage = new MemoryStorage();
    const store = new ConversationStore(storage, 'memory', () => ({ n: 0 }));
    const context = turn();
    (await store.get(context)).n = 5;
    await store.load(context, true);
    expect(await store.get(context)).toEqual({ n: 0 });
  });

  it("uses ConversationState's key and shape, so either reads what the other wrote", async () => {
    const storage = new MemoryStorage();
    const state = new ConversationState(storage);
    const property = state.createProperty<{ n: number }>('memory');
    const before = turn('shared', 'msteams');
    await property.set(before, { n: 7 });
    await state.saveChanges(before);

    const store = new ConversationStore(storage, 'memory', () => ({ n: 0 }));
    const context = turn('shared', 'msteams');
    expect(await store.get(context)).toEqual({ n: 7 });
    (await store.get(context)).n = 8;
    await store.saveChanges(context);
    expect(Object.keys(await storage.read(['msteams/conversations/shared/']))).toEqual(['msteams/conversations/shared/']);
    expect(await property.get(turn('shared', 'msteams'))).toEqual({ n: 8 });
  });

  it('refuses a turn without a conversation id rather than share one state', async () => {
    const store = new ConversationStore(new MemoryStorage(), 'memory', () => ({}));
    const context = new TurnContext(adapter, { type: 'message', channelId: 'test' } as Activity);
    await expect(store.get(context)).rejects.toThrow(/conversation\.id/);
  });
});
