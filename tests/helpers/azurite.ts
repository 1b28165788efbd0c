// Azurite (the Azure Storage emulator, from node_modules: nothing installed by hand) for the blob
// state tests: in memory, on a free loopback port, started and stopped by the tests themselves. A
// test can stop it and start it again on the same port to play a storage outage. `startStorageLink`
// puts a loopback TCP relay in front of it that a test can make unreachable or slow.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { BlobTimeouts } from '../../src/state/blob-storage';
import { ROOT } from './processes';

/** Short storage timeouts so fault tests stay quick (production uses BLOB_TIMEOUTS). */
export const FAST_TIMEOUTS: BlobTimeouts = { operationTimeoutMs: 800, maxTries: 2, tryTimeoutInMs: 1000, retryDelayInMs: 50 };

const AZURITE_BLOB = join(ROOT, 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js');
/** Azurite's published development account (public, documented; not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function connectionStringFor(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`;
}

export interface Azurite {
  port: number;
  connectionString: string;
  /** Stops the emulator (its in-memory data goes with it). Safe to call twice. */
  stop(): Promise<void>;
  /** Starts it again on the same port after stop(). */
  start(): Promise<void>;
}

/** A port nothing listens on right now (the kernel's choice, released at once). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startAzurite(): Promise<Azurite> {
  const port = await freePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    const args = [
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--inMemoryPersistence',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--loose',
      '--silent',
      '--extentMemoryLimit',
      '64',
    ];
    const started = spawn(process.execPath, [AZURITE_BLOB, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    // Should the test worker end without stopping it, Azurite goes with it rather than linger.
    const killOnExit = () => started.kill('SIGKILL');
    process.once('exit', killOnExit);
    started.once('exit', () => process.removeListener('exit', killOnExit));
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`azurite did not listen within 20 s:\n${output}`)), 20_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('successfully listens')) {
          clearTimeout(timer);
          resolve();
        }
      };
      started.stdout?.on('data', onData);
      started.stderr?.on('data', onData);
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`azurite exited with ${code} before listening:\n${output}`));
      });
    });
    await waitUntilAnswering(port);
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGKILL');
    await exited;
  };

  try {
    await start();
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, connectionString: connectionStringFor(port), stop, start };
}

/** Resolves once the blob endpoint answers HTTP (any status: it answers, so it is up). */
async function waitUntilAnswering(port: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}/${DEV_ACCOUNT}?comp=list`);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export type LinkMode = 'up' | 'down' | 'slow';

export interface StorageLink {
  port: number;
  connectionString: string;
  /**
   * up: relays both ways. down: refuses new connections and cuts open ones (unreachable).
   * slow: accepts connections and requests but never answers (a hung storage service).
   */
  set(mode: LinkMode): void;
  close(): Promise<void>;
}

/** A loopback TCP relay to `targetPort` whose behaviour a test switches at will. */
export async function startStorageLink(targetPort: number): Promise<StorageLink> {
  let mode: LinkMode = 'up';
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server: Server = createServer((client) => {
    track(client);
    if (mode === 'down') return client.destroy();
    if (mode === 'slow') return; // swallow the request; answer nothing
    const upstream = connect(targetPort, '127.0.0.1');
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    connectionString: connectionStringFor(port),
    set(next) {
      mode = next;
      // Open keep-alive connections would dodge the new mode: cut them all.
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
