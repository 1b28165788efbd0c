import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { ConversationState, MemoryStorage, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { DisclaimerMiddleware } from '../../src/bot/disclaimer';
import { ConversationTurns, ConversationTurnsExhaustedError, MAX_ATTEMPTS } from '../../src/state/conversation-turns';
import { ResilientStorage } from '../../src/state/resilient-storage';

interface Memory {
  lines: string[];
}
const KEY = 'test/conversations/c1/';
const TURN_RECORD = Symbol('what the turn did');

/**
 * A bot whose turn remembers the message and replies with how many lines it had seen. `meanwhile`
 * runs between the turn's read and its save, to play another process writing the same conversation.
 */
function setUp(
  meanwhile: (attempt: number) => Promise<void> = async () => undefined,
  options: { sharedStorage: boolean } = { sharedStorage: true },
) {
  const inner = new MemoryStorage();
  const state = new ConversationState(new ResilientStorage(inner, pino({ level: 'silent' })));
  const memory = state.createProperty<Memory>('memory');
  const turns = new ConversationTurns(state, options);
  let attempts = 0;
  const sent: { text?: string; storedLinesAtSend: number }[] = [];
  const handle = async (attempt: TurnContext) => {
    attempts++;
    const mine = await memory.get(attempt, { lines: [] });
    await attempt.sendActivity(`seen ${mine.lines.length} lines`);
    attempt.turnState.set(TURN_RECORD, `attempt ${attempts}`);
    mine.lines.push(attempt.activity.text ?? '');
    await meanwhile(attempts);
  };
  const adapter = new TestAdapter((context) => turns.run(context, handle), { channelId: 'test', conversation: { id: 'c1' } as never });
  const records: unknown[] = [];
  // Stands for the adapter's middleware: sees every reply on the real context, and what the turn recorded.
  adapter.use(async (context, next) => {
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      const stored = (await inner.read([KEY]))[KEY] as { memory?: Memory } | undefined;
      for (const activity of activities) sent.push({ text: activity.text, storedLinesAtSend: stored?.memory?.lines.length ?? 0 });
      return sendNext();
    });
    await next();
    records.push(context.turnState.get(TURN_RECORD));
  });
  const stored = async () => ((await inner.read([KEY]))[KEY] as { memory?: Memory } | undefined)?.memory?.lines ?? [];
  /** Another process's save of the same conversation, straight to storage. */
  const otherProcessWrites = async (line: string) => {
    const current = (await inner.read([KEY]))[KEY] ?? {};
    await inner.write({ [KEY]: { ...current, memory: { lines: [...((current.memory as Memory | undefined)?.lines ?? []), line] } } });
  };
  return { adapter, turns, sent, records, stored, otherProcessWrites, attempts: () => attempts };
}

async function send(adapter: TestAdapter, text: string): Promise<Partial<Activity>[]> {
  await adapter.send(text).startTest();
  return adapter.activeQueue.splice(0);
}

describe('ConversationTurns', () => {
  it('runs a turn on state no other process writes directly: replies as they are made, state saved at the end', async () => {
    const { adapter, sent, stored, records } = setUp(undefined, { sharedStorage: false });
    expect((await send(adapter, 'first')).map((r) => r.text)).toEqual(['seen 0 lines']);
    expect(sent).toEqual([{ text: 'seen 0 lines', storedLinesAtSend: 0 }]);
    expect((await send(adapter, 'second')).map((r) => r.text)).toEqual(['seen 1 lines']);
    expect(await stored()).toEqual(['first', 'second']);
    expect(records).toEqual(['attempt 1', 'attempt 2']);
  });

  it('saves the state before the replies go out, and sends each reply once through the real context', async () => {
    const { adapter, sent, stored } = setUp();
    const replies = await send(adapter, 'first');
    expect(replies.map((r) => r.text)).toEqual(['seen 0 lines']);
    expect(sent).toEqual([{ text: 'seen 0 lines', storedLinesAtSend: 1 }]);
    expect(await stored()).toEqual(['first']);
  });

  it('redoes a turn from fresh state when another process saved in between: both changes kept, one reply', async () => {
    const setup: ReturnType<typeof setUp> = setUp(async (attempt) => {
      if (attempt === 1) await setup.otherProcessWrites('from the other process');
    });
    const replies = await send(setup.adapter, 'mine');
    expect(setup.attempts()).toBe(2);
    expect(await setup.stored()).toEqual(['from the other process', 'mine']);
    // The reply is the one computed from the state that was saved, and it is the only one.
    expect(replies.map((r) => r.text)).toEqual(['seen 1 lines']);
    expect(setup.records).toEqual(['attempt 2']);
  });

  it(`gives up after ${MAX_ATTEMPTS} conflicts in a row without overwriting anything or sending the lost replies`, async () => {
    const setup: ReturnType<typeof setUp> = setUp(async (attempt) => setup.otherProcessWrites(`other ${attempt}`));
    const errors: unknown[] = [];
    setup.adapter.onTurnError = async (_context, error) => void errors.push(error);
    const replies = await send(setup.adapter, 'mine');
    expect(errors[0]).toBeInstanceOf(ConversationTurnsExhaustedError);
    expect(setup.attempts()).toBe(MAX_ATTEMPTS);
    expect(replies).toEqual([]);
    expect(await setup.stored()).toEqual(Array.from({ length: MAX_ATTEMPTS }, (_, i) => `other ${i + 1}`));
  });

  it('serialises concurrent turns of one conversation in this process: no change is lost', async () => {
    const { adapter, turns, stored, attempts } = setUp();
    await Promise.all(Array.from({ length: 8 }, (_, i) => adapter.send(`line ${i}`).startTest()));
    expect((await stored()).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `line ${i}`).sort());
    expect(attempts()).toBe(8); // no conflict needed a retry: they never overlapped
    expect(turns.inFlight).toBe(0);
  });

  it('delivers what a failing turn sent before failing, then lets the error through', async () => {
    const state = new ConversationState(new ResilientStorage(new MemoryStorage(), pino({ level: 'silent' })));
    const turns = new ConversationTurns(state, { sharedStorage: true });
    const errors: string[] = [];
    const adapter = new TestAdapter((context) =>
      turns.run(context, async (attempt) => {
        await attempt.sendActivity('partial');
        throw new Error('handler broke');
      }),
    );
    adapter.onTurnError = async (_context, error) => void errors.push(error.message);
    expect((await send(adapter, 'hi')).map((r) => r.text)).toEqual(['partial']);
    expect(errors).toEqual(['handler broke']);
  });

  it('keeps the disclaimer on the first reply of a redone turn, exactly once', async () => {
    const setup: ReturnType<typeof setUp> = setUp(async (attempt) => {
      if (attempt === 1) await setup.otherProcessWrites('other');
    });
    setup.adapter.use(new DisclaimerMiddleware('See a professional.'));
    const replies = await send(setup.adapter, 'mine');
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toBe('seen 1 lines\n\n_See a professional._');
  });

  it('runs a turn wired through ConversationTurns twice as one turn (no deadlock, one save)', async () => {
    const inner = new MemoryStorage();
    const state = new ConversationState(new ResilientStorage(inner, pino({ level: 'silent' })));
    const memory = state.createProperty<Memory>('memory');
    const outer = new ConversationTurns(state, { sharedStorage: true });
    const inside = new ConversationTurns(state, { sharedStorage: true });
    const adapter = new TestAdapter((context) =>
      outer.run(context, (attempt) =>
        inside.run(attempt, async (nested) => {
          (await memory.get(nested, { lines: [] })).lines.push('once');
          await nested.sendActivity('ok');
        }),
      ),
    );
    expect((await send(adapter, 'hi')).map((r) => r.text)).toEqual(['ok']);
    expect(
      (
        (await inner.read([`${adapter.conversation.channelId}/conversations/${adapter.conversation.conversation.id}/`]))[
          `${adapter.conversation.channelId}/conversations/${adapter.conversation.conversation.id}/`
        ] as { memory: Memory }
      ).memory.lines,
    ).toEqual(['once']);
  });
});
