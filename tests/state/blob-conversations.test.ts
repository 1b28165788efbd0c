// STATE_STORAGE=blob end to end: bots (real processes and in-process servers) sharing conversation state
// in Azurite, concurrent turns of one conversation, and storage faults. Azurite runs in memory on loopback.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { type StoreItems } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createBotParts, serverOptions } from '../../src/wiring';
import { startServer } from '../../src/host/server';
import { BlobStateStorage, type BlobTimeouts } from '../../src/state/blob-storage';
import type { HealthCheckedStorage } from '../../src/state/resilient-storage';
import { FAST_TIMEOUTS, startAzurite, startStorageLink, type Azurite, type StorageLink } from '../helpers/azurite';
import { messageActivity, post, replyText, shippedKnowledge, type ReplyActivity } from '../helpers/bot-server';
import { startBotProcess, type BotProcess } from '../helpers/processes';

const REMEMBERED_PREGNANCY = /Not enough is known about craniosacral therapy during pregnancy/;
const WHICH_THERAPY = /Which therapy do you mean\?/;
/** Words that would tell a person something about our insides. */
const INTERNAL = /storage|blob|azur|etag|econn|container|exception|error|timeout|took longer|stack/i;

let azurite: Azurite;
let containers = 0;
let conversations = 0;
const nextContainer = () => `conversations-${++containers}`;
const nextConversation = () => `blob-conversation-${++conversations}-${Date.now()}`;

/** Everything a test started, stopped afterwards even when the test fails. */
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.allSettled(
    cleanups
      .splice(0)
      .reverse()
      .map((cleanup) => cleanup()),
  );
});
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

async function link(targetPort = azurite.port): Promise<StorageLink> {
  const started = await startStorageLink(targetPort);
  cleanups.push(() => started.close());
  return started;
}

async function botProcess(connectionString: string, container: string): Promise<BotProcess> {
  const bot = await startBotProcess({
    STATE_STORAGE: 'blob',
    AZURE_STORAGE_CONNECTION_STRING: connectionString,
    AZURE_STORAGE_CONTAINER: container,
    LOG_LEVEL: 'info',
  });
  cleanups.push(async () => {
    if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    await bot.exited;
  });
  return bot;
}

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** An in-process bot server (restify + CloudAdapter) whose state is `storage`; its log is kept. */
async function blobBot(storage: HealthCheckedStorage) {
  const logs: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const config = loadConfig({
    PORT: '0',
    STATE_STORAGE: 'blob',
    AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    SHUTDOWN_GRACE_MS: '1000',
    WEB_CHAT_PAGE: 'false',
    RATE_LIMIT_PER_CONVERSATION: '0',
    RATE_LIMIT_PER_USER: '0',
  });
  const parts = createBotParts(config, logger, shippedKnowledge(), storage);
  const server = await startServer(serverOptions(config, logger, parts));
  cleanups.push(() => server.close());
  const say = async (text: string, conversationId: string) => {
    const { status, activities } = await post(server.url, messageActivity(text, conversationId));
    expect(status).toBe(200);
    return activities;
  };
  const readyz = async () => {
    const res = await fetch(`${server.url}/readyz`);
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };
  return { url: server.url, logs, say, readyz };
}

const blobStorage = (connectionString: string, container: string, timeouts = FAST_TIMEOUTS) =>
  new BlobStateStorage({ connectionString, container, timeouts });
/** For tests of two processes racing, not of outages: a read slowed by a loaded machine must not time out (the
 * turn would go on without state and never write, and the race under test would not happen). */
const PATIENT: BlobTimeouts = { ...FAST_TIMEOUTS, operationTimeoutMs: 8000, tryTimeoutInMs: 8000 };

/** The transcript a handoff carries: every line the conversation remembered. */
function handoffTranscript(activities: ReplyActivity[]): string {
  const event = activities.find((a) => a.type === 'event' && a.name === 'handoff.initiate');
  expect(event).toBeDefined();
  return replyText([event!]);
}

/** The person sees one answer card and no apology for an internal error. */
function expectOneAnswer(activities: ReplyActivity[]) {
  expect(activities.filter((a) => a.type === 'message')).toHaveLength(1);
  expect(replyText(activities)).not.toContain(shippedKnowledge().replies.turnError);
}

describe('two bot processes sharing blob state', () => {
  it('turn 1 on A, turn 2 on B: B remembers the therapy', async () => {
    const container = nextContainer();
    const [a, b] = await Promise.all([botProcess(azurite.connectionString, container), botProcess(azurite.connectionString, container)]);
    const conversation = nextConversation();
    expect(replyText((await post(a.url, messageActivity('tell me about craniosacral therapy', conversation))).activities)).toMatch(/skull/);
    const second = replyText((await post(b.url, messageActivity('is it safe during pregnancy?', conversation))).activities);
    expect(second).toMatch(REMEMBERED_PREGNANCY);
    expect(second).not.toMatch(WHICH_THERAPY);
    // Message text never reaches either process's log.
    for (const bot of [a, b]) {
      await expect.poll(() => bot.output(), { timeout: 5000 }).toMatch(/"event":"turn"/); // the log arrives through a pipe
      expect(bot.output()).not.toContain('is it safe during pregnancy?');
      expect(bot.output()).not.toContain('tell me about craniosacral therapy');
    }
  });

  it('SIGKILL of A, between turns and in the middle of one, loses nothing B needs', async () => {
    const container = nextContainer();
    const toStorage = await link();
    const [a, b] = await Promise.all([botProcess(toStorage.connectionString, container), botProcess(azurite.connectionString, container)]);
    const conversation = nextConversation();
    expect(replyText((await post(a.url, messageActivity('tell me about craniosacral therapy', conversation))).activities)).toMatch(/skull/);

    // A is killed while a turn is in flight: its storage hangs, so the turn is stuck mid-way.
    toStorage.set('slow');
    const inFlight = post(a.url, messageActivity('and for migraines?', conversation)).then(
      () => 'answered',
      () => 'cut off',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    a.child.kill('SIGKILL');
    expect(await a.exited).toBeNull();
    expect(await inFlight).toBe('cut off');

    const onB = replyText((await post(b.url, messageActivity('is it safe during pregnancy?', conversation))).activities);
    expect(onB).toMatch(REMEMBERED_PREGNANCY);
    expect((await fetch(`${b.url}/readyz`)).status).toBe(200);
  });
});

describe('concurrent turns of one conversation', () => {
  /** Blob storage whose next write waits until the test lets it go (a slow save in process A). */
  class HeldWrites implements HealthCheckedStorage {
    private hold?: { reached: () => void; released: Promise<void> };
    constructor(private readonly inner: BlobStateStorage) {}
    holdNextWrite() {
      let reached!: () => void;
      let release!: () => void;
      const reachedWrite = new Promise<void>((resolve) => (reached = resolve));
      this.hold = { reached, released: new Promise<void>((resolve) => (release = resolve)) };
      return { reachedWrite, release };
    }
    checkHealth = () => this.inner.checkHealth();
    read = (keys: string[]) => this.inner.read(keys);
    delete = (keys: string[]) => this.inner.delete(keys);
    async write(changes: StoreItems) {
      const hold = this.hold;
      this.hold = undefined;
      if (hold) {
        hold.reached();
        await hold.released;
      }
      return this.inner.write(changes);
    }
  }

  it('a save that loses to another process is redone from fresh state: both turns kept, one answer each', async () => {
    const container = nextContainer();
    const storageA = new HeldWrites(blobStorage(azurite.connectionString, container, PATIENT));
    const [a, b] = await Promise.all([blobBot(storageA), blobBot(blobStorage(azurite.connectionString, container, PATIENT))]);
    const conversation = nextConversation();

    // Round 1, a new conversation: both read "nothing yet"; B creates it while A's save waits.
    let held = storageA.holdNextWrite();
    const first = a.say('what is craniosacral therapy? (asked on A)', conversation);
    await held.reachedWrite;
    expectOneAnswer(await b.say('does it help migraines? (asked on B)', conversation));
    held.release();
    const firstReplies = await first;
    expectOneAnswer(firstReplies);
    expect(replyText(firstReplies)).toMatch(/skull/);

    // Round 2, an existing conversation: A's save carries a now stale eTag.
    held = storageA.holdNextWrite();
    const second = a.say('and is it safe during pregnancy? (asked on A again)', conversation);
    await held.reachedWrite;
    expectOneAnswer(await b.say('does it help neck pain? (asked on B again)', conversation));
    held.release();
    expectOneAnswer(await second);

    expect(a.logs.filter((line) => /changed in another turn/.test(line.msg))).toHaveLength(2);
    const transcript = handoffTranscript(await b.say('talk to a person', conversation));
    for (const line of ['(asked on A)', '(asked on B)', '(asked on A again)', '(asked on B again)']) expect(transcript).toContain(line);
  });

  it('a burst of simultaneous turns spread over two processes keeps every turn', async () => {
    const container = nextContainer();
    const [a, b] = await Promise.all([
      blobBot(blobStorage(azurite.connectionString, container, PATIENT)),
      blobBot(blobStorage(azurite.connectionString, container, PATIENT)),
    ]);
    const conversation = nextConversation();
    const questions = Array.from({ length: 6 }, (_, i) => `what is craniosacral therapy? (turn ${i})`);
    const replies = await Promise.all(questions.map((question, i) => (i % 2 === 0 ? a : b).say(question, conversation)));
    replies.forEach(expectOneAnswer);
    const transcript = handoffTranscript(await a.say('talk to a person', conversation));
    for (let i = 0; i < questions.length; i++) expect(transcript).toContain(`(turn ${i})`);
  });
});

describe('storage faults', () => {
  const notInternal = (activities: ReplyActivity[]) => {
    expect(replyText(activities)).not.toMatch(INTERNAL);
    expect(replyText(activities)).not.toContain(shippedKnowledge().replies.turnError);
  };

  for (const fault of ['down', 'slow'] as const) {
    it(`storage ${fault === 'down' ? 'unreachable' : 'hanging'}: answers without context, says nothing internal, logs it, /readyz 503, then recovers`, async () => {
      const toStorage = await link();
      const bot = await blobBot(blobStorage(toStorage.connectionString, nextContainer()));
      const conversation = nextConversation();
      await expect.poll(async () => (await bot.readyz()).status, { timeout: 5000 }).toBe(200);
      expect(replyText(await bot.say('tell me about craniosacral therapy', conversation))).toMatch(/skull/);

      toStorage.set(fault);
      const started = Date.now();
      const blind = await bot.say('is it safe during pregnancy?', conversation);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(replyText(blind)).toMatch(WHICH_THERAPY);
      notInternal(blind);
      const fromMonograph = await bot.say('what is craniosacral therapy?', conversation);
      expect(replyText(fromMonograph)).toMatch(/skull/);
      notInternal(fromMonograph);
      expect(await bot.readyz()).toEqual({ status: 503, body: expect.objectContaining({ status: 'not ready', storage: 'failing' }) });
      expect(bot.logs.some((line) => line.level === 50 && line.operation === 'read' && /state storage failed/.test(line.msg))).toBe(true);

      toStorage.set('up');
      await expect.poll(async () => (await bot.readyz()).status, { timeout: 8000, interval: 250 }).toBe(200);
      // The turns answered blind did not overwrite what the conversation had remembered.
      expect(replyText(await bot.say('is it safe during pregnancy?', conversation))).toMatch(REMEMBERED_PREGNANCY);
      const logged = JSON.stringify(bot.logs);
      for (const text of ['tell me about craniosacral therapy', 'is it safe during pregnancy?', 'what is craniosacral therapy?'])
        expect(logged).not.toContain(text);
    });
  }

  it('Azurite stopped and started again on the same port: a running bot and one started during the outage both recover', async () => {
    const own = await startAzurite();
    cleanups.push(() => own.stop());
    const container = nextContainer();
    const running = await blobBot(blobStorage(own.connectionString, container));
    const conversation = nextConversation();
    await expect.poll(async () => (await running.readyz()).status, { timeout: 5000 }).toBe(200);
    expect(replyText(await running.say('tell me about craniosacral therapy', conversation))).toMatch(/skull/);

    await own.stop();
    const blind = await running.say('is it safe during pregnancy?', conversation);
    expect(replyText(blind)).toMatch(WHICH_THERAPY);
    notInternal(blind);
    expect((await running.readyz()).status).toBe(503);
    const startedDuringOutage = await blobBot(blobStorage(own.connectionString, container));
    await expect.poll(async () => (await startedDuringOutage.readyz()).status, { timeout: 5000 }).toBe(503);
    notInternal(await startedDuringOutage.say('what is craniosacral therapy?', nextConversation()));

    await own.start(); // in memory: it comes back empty, without the container
    for (const bot of [running, startedDuringOutage]) {
      await expect.poll(async () => (await bot.readyz()).status, { timeout: 8000, interval: 250 }).toBe(200);
      const fresh = nextConversation();
      expect(replyText(await bot.say('tell me about craniosacral therapy', fresh))).toMatch(/skull/);
      expect(replyText(await bot.say('is it safe during pregnancy?', fresh))).toMatch(REMEMBERED_PREGNANCY);
    }
  });
});
