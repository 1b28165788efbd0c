// Issue 17, finding 13: a client trickling a body gets 408 once REQUEST_BODY_TIMEOUT_MS has passed, and
// connections past MAX_CONNECTIONS are refused, so slow clients cannot hold the server.
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/host/server';
import { messageActivity, post, startBot } from '../helpers/bot-server';

let server: RunningServer;
beforeAll(async () => {
  server = await startBot({ REQUEST_BODY_TIMEOUT_MS: '300', MAX_CONNECTIONS: '3' });
});
afterAll(() => server.close());

/** Opens a raw connection and resolves with everything the server sends until it closes the connection. */
function rawExchange(write: (socket: Socket) => Promise<void>): Promise<string> {
  const url = new URL(server.url);
  return new Promise((resolve) => {
    let received = '';
    const socket = connect(Number(url.port), url.hostname, () => void write(socket));
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('close', () => resolve(received));
    socket.on('error', () => undefined);
  });
}

describe('slow clients', () => {
  it('answers 408 to a body that trickles in past the timeout, and closes the connection', async () => {
    const body = JSON.stringify(messageActivity('hello'));
    const started = Date.now();
    const answer = await rawExchange(async (socket) => {
      socket.write(`POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
      for (const char of body.slice(0, 20)) {
        socket.write(char);
        await sleep(50);
      }
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses connections past the cap and serves again once they close', async () => {
    const url = new URL(server.url);
    const held: Socket[] = [];
    for (let i = 0; i < 3; i++) {
      held.push(
        await new Promise<Socket>((resolve) => {
          const socket = connect(Number(url.port), url.hostname, () => resolve(socket));
        }),
      );
    }
    await sleep(100);
    const refused = await post(server.url, messageActivity('hello')).then(
      () => 'answered',
      () => 'refused',
    );
    expect(refused).toBe('refused');
    for (const socket of held) socket.destroy();
    await sleep(100);
    expect((await post(server.url, messageActivity('hello'))).status).toBe(200);
  });
});
