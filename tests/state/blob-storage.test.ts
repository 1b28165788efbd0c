// BlobStateStorage against a real Azure Storage API (Azurite, in memory, loopback, started here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { BlobStateStorage } from '../../src/state/blob-storage';
import { blobName } from '../../src/state/blob-names';
import { ResilientStorage } from '../../src/state/resilient-storage';
import { CREATE_ONLY_ETAG } from '../../src/state/state-conflict';
import { FAST_TIMEOUTS, startAzurite, startStorageLink, type Azurite } from '../helpers/azurite';
const KEY = 'emulator/conversations/a b?c/';

let azurite: Azurite;
let containers = 0;
const nextContainer = () => `state-${++containers}`;
const storageFor = (container: string, connectionString = azurite.connectionString) =>
  new BlobStateStorage({ connectionString, container, timeouts: FAST_TIMEOUTS });

beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

describe('BlobStateStorage', () => {
  it('stores and reads state (any text) in the format botbuilder-azure-blobs uses', async () => {
    const container = nextContainer();
    const storage = storageFor(container);
    const memory = { therapyId: 'craniosacral-therapy', transcript: [{ text: 'Ostéopathie crânienne, 頭蓋仙骨療法 🙂 "quoted"' }] };
    await storage.write({ [KEY]: { memory } });
    const read = (await storage.read([KEY, 'missing']))[KEY];
    expect(read.memory).toEqual(memory);
    expect(read.eTag).toMatch(/^"0x[0-9A-F]+"$/);
    // The package itself reads what we wrote, under the blob's collision-free name (blob-names.ts).
    expect((await new BlobsStorage(azurite.connectionString, container).read([blobName(KEY)]))[blobName(KEY)].memory).toEqual(memory);
  });

  it('creates its container at start-up, before any conversation is read', async () => {
    const container = nextContainer();
    const client = new ContainerClient(azurite.connectionString, container);
    expect(await client.exists()).toBe(false);
    const resilient = new ResilientStorage(storageFor(container), pino({ level: 'silent' }));
    await expect.poll(() => client.exists(), { timeout: 5000 }).toBe(true);
    await expect.poll(() => resilient.isHealthy(), { timeout: 5000 }).toBe(true);
  });

  it('refuses a write with a stale eTag', async () => {
    const storage = storageFor(nextContainer());
    await storage.write({ [KEY]: { n: 1 } });
    const read = (await storage.read([KEY]))[KEY];
    await storage.write({ [KEY]: { ...read, n: 2 } });
    await expect(storage.write({ [KEY]: { ...read, n: 3 } })).rejects.toThrow(/eTag conflict/);
    expect((await storage.read([KEY]))[KEY].n).toBe(2);
  });

  it('creates a new conversation only once: a second process creating it at the same time gets a conflict', async () => {
    const container = nextContainer();
    const [processA, processB] = [storageFor(container), storageFor(container)];
    expect(await processA.read([KEY])).toEqual({});
    expect(await processB.read([KEY])).toEqual({});
    await processA.write({ [KEY]: { from: 'A', eTag: CREATE_ONLY_ETAG } });
    await expect(processB.write({ [KEY]: { from: 'B', eTag: CREATE_ONLY_ETAG } })).rejects.toThrow(/eTag conflict/);
    expect((await processB.read([KEY]))[KEY].from).toBe('A');
  });

  it('(the gap it closes) plain BlobsStorage lets the second creation overwrite the first', async () => {
    const container = nextContainer();
    const [processA, processB] = [
      new BlobsStorage(azurite.connectionString, container),
      new BlobsStorage(azurite.connectionString, container),
    ];
    await processA.write({ [KEY]: { from: 'A' } });
    await processB.write({ [KEY]: { from: 'B' } });
    expect((await processA.read([KEY]))[KEY].from).toBe('B');
  });

  it('works once storage is reachable, even when it was down at start-up', async () => {
    const link = await startStorageLink(azurite.port);
    try {
      link.set('down');
      const storage = storageFor(nextContainer(), link.connectionString);
      await expect(storage.read([KEY])).rejects.toThrow();
      await expect(storage.write({ [KEY]: { n: 1 } })).rejects.toThrow();
      link.set('up');
      await storage.write({ [KEY]: { n: 1, eTag: CREATE_ONLY_ETAG } });
      expect((await storage.read([KEY]))[KEY].n).toBe(1);
    } finally {
      await link.close();
    }
  });

  it('recovers when storage fails just as BlobsStorage first uses it (BlobsStorage alone would stay broken)', async () => {
    const link = await startStorageLink(azurite.port);
    try {
      const storage = storageFor(nextContainer(), link.connectionString);
      await storage.checkHealth(); // our container check passes...
      link.set('down'); // ...then BlobsStorage's own first check fails, which it would remember forever
      await expect(storage.read([KEY])).rejects.toThrow();
      link.set('up');
      await storage.write({ [KEY]: { n: 1, eTag: CREATE_ONLY_ETAG } });
      expect((await storage.read([KEY]))[KEY].n).toBe(1);
    } finally {
      await link.close();
    }
  });

  it('gives up on a hung storage within its timeouts instead of holding the turn', async () => {
    const link = await startStorageLink(azurite.port);
    try {
      const storage = storageFor(nextContainer(), link.connectionString);
      await storage.write({ [KEY]: { n: 1 } });
      link.set('slow');
      const started = Date.now();
      await expect(storage.read([KEY])).rejects.toThrow(/took longer than 800 ms/);
      expect(Date.now() - started).toBeLessThan(1500);
      await expect(storage.write({ [KEY]: { n: 2, eTag: CREATE_ONLY_ETAG } })).rejects.toThrow(/took longer than/);
      link.set('up');
      expect((await storage.read([KEY]))[KEY].n).toBe(1);
    } finally {
      await link.close();
    }
  });

  it('makes its container again when the storage lost it (an emulator restarted)', async () => {
    const container = nextContainer();
    const storage = storageFor(container);
    await storage.write({ [KEY]: { n: 1 } });
    await new ContainerClient(azurite.connectionString, container).delete();
    expect(await storage.read([KEY])).toEqual({});
    await storage.write({ [KEY]: { n: 2, eTag: CREATE_ONLY_ETAG } });
    expect((await storage.read([KEY]))[KEY].n).toBe(2);
  });
});
