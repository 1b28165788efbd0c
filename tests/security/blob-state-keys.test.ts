// Issue 17, finding 6: conversations must never share blob state. botbuilder-azure-blobs names a blob
// after the key cut to 1,024 characters with empty segments dropped, so crafted conversation ids shared a
// blob; BlobStateStorage names each blob by a hash of the whole key. Against Azurite, started here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { BlobStateStorage } from '../../src/state/blob-storage';
import { ResilientStorage } from '../../src/state/resilient-storage';
import { blobName, hasOwnLegacyName } from '../../src/state/blob-names';
import { messageActivity, startBot } from '../helpers/bot-server';
import { FAST_TIMEOUTS, startAzurite, type Azurite } from '../helpers/azurite';

const key = (conversationId: string) => `msteams/conversations/${conversationId}/`;
const LONG = 'a'.repeat(1100);
/** Pairs of conversations that shared one blob under the old names. */
const CRAFTED_PAIRS: [string, string][] = [
  [key('s1/x'), key('s1//x')],
  [key(`${LONG}-victim`), key(`${LONG}-attacker`)],
  [key('a/b'), key('/a/b')],
];

let azurite: Azurite;
let containers = 0;
const nextContainer = () => `keys-${++containers}`;
const storageFor = (container: string) =>
  new BlobStateStorage({ connectionString: azurite.connectionString, container, timeouts: FAST_TIMEOUTS });
const resilient = (container: string) => new ResilientStorage(storageFor(container), pino({ level: 'silent' }));
const oldStorage = (container: string) => new BlobsStorage(azurite.connectionString, container);

beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

describe('blob state keys', () => {
  it('(the gap) under the old names each crafted pair shares one blob', async () => {
    const container = nextContainer();
    await storageFor(container).checkHealth();
    for (const [victim, attacker] of CRAFTED_PAIRS) {
      await oldStorage(container).write({ [victim]: { email: 'victim@example.org' } });
      expect((await oldStorage(container).read([attacker]))[attacker]?.email).toBe('victim@example.org');
    }
  });

  it('keeps every crafted pair apart: one conversation never reads the other one state', async () => {
    const storage = storageFor(nextContainer());
    for (const [victim, attacker] of CRAFTED_PAIRS) {
      await storage.write({ [victim]: { email: 'victim@example.org' } });
      expect(await storage.read([attacker])).toEqual({});
      await storage.write({ [attacker]: { email: 'attacker@example.org' } });
      expect((await storage.read([victim]))[victim].email).toBe('victim@example.org');
    }
  });

  it('names blobs by a fixed-length hash of the whole key', () => {
    const names = CRAFTED_PAIRS.flat().map(blobName);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^state-v2-[0-9a-f]{64}$/);
  });

  it('moves state written under an old name on its next write, and deletes the old blob', async () => {
    const container = nextContainer();
    const shortKey = key('19:abc@thread.v2');
    await storageFor(container).checkHealth();
    await oldStorage(container).write({ [shortKey]: { therapyId: 'craniosacral-therapy' } });

    const storage = resilient(container);
    const read = (await storage.read([shortKey]))[shortKey];
    expect(read.therapyId).toBe('craniosacral-therapy');
    await storage.write({ [shortKey]: { ...read, turns: 2 } });

    expect(await oldStorage(container).read([shortKey])).toEqual({}); // the old blob is gone
    expect((await storageFor(container).read([shortKey]))[shortKey]).toMatchObject({ therapyId: 'craniosacral-therapy', turns: 2 });
  });

  it('moves an old state once when two processes read it at the same time: the second write is a conflict', async () => {
    const container = nextContainer();
    const shortKey = key('both');
    await storageFor(container).checkHealth();
    await oldStorage(container).write({ [shortKey]: { n: 1 } });
    const [a, b] = [resilient(container), resilient(container)];
    const [readA, readB] = [(await a.read([shortKey]))[shortKey], (await b.read([shortKey]))[shortKey]];
    await a.write({ [shortKey]: { ...readA, n: 2 } });
    await expect(b.write({ [shortKey]: { ...readB, n: 3 } })).rejects.toThrow(/changed in storage/);
    expect((await storageFor(container).read([shortKey]))[shortKey].n).toBe(2);
  });

  it('never adopts old state whose name another id could have written', async () => {
    const container = nextContainer();
    await storageFor(container).checkHealth();
    for (const [victim, attacker] of CRAFTED_PAIRS) {
      await oldStorage(container).write({ [victim]: { email: 'victim@example.org' } });
      expect(hasOwnLegacyName(attacker)).toBe(false);
      expect(await storageFor(container).read([attacker])).toEqual({});
    }
    expect(hasOwnLegacyName(key('19:abc@thread.v2'))).toBe(true);
  });
});

describe('ids that are not well-formed Unicode', () => {
  it('answers 400 to an id with a lone surrogate, before any state is touched', async () => {
    const server = await startBot();
    try {
      for (const patch of [{ conversation: { id: 'conv-\ud800' } }, { from: { id: 'user-\udfff' } }, { recipient: { id: 'bot\ud83d' } }]) {
        const body = JSON.stringify({ ...messageActivity('hi'), ...patch });
        const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        expect(res.status).toBe(400);
        expect(((await res.json()) as { error: string }).error).toMatch(/well-formed/);
      }
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
