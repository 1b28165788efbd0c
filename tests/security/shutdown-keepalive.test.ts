// Issue 17, finding 12: a request sent on a keep-alive connection while the bot drains gets 503 with
// Connection: close, not a reset connection.
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { messageActivity } from '../helpers/bot-server';
import { SlowBot, startSlowServer } from '../helpers/slow-bot';

/** POSTs an activity through `agent`; resolves with the status and Connection header, or the socket error. */
function send(url: string, agent: Agent, text: string): Promise<{ status?: number; connection?: string; error?: string }> {
  const body = JSON.stringify(messageActivity(text));
  return new Promise((resolve) => {
    const req = request(
      `${url}/api/messages`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, connection: String(res.headers.connection) }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(body);
  });
}

describe('draining with keep-alive connections', () => {
  it('answers 503 with Connection: close to a request on an open connection, and finishes the turn in flight', async () => {
    const server = await startSlowServer(
      new SlowBot((text) => (text === 'slow' ? 500 : 0)),
      { RATE_LIMIT_PER_CONVERSATION: '0', RATE_LIMIT_PER_USER: '0' },
      3000,
    );
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
    const other = new Agent({ keepAlive: false });
    try {
      expect((await send(server.url, keepAlive, 'hello')).status).toBe(200); // leaves an idle keep-alive connection
      const inFlight = send(server.url, other, 'slow');
      await sleep(100);
      const closed = server.close();
      await sleep(50);
      const during = await send(server.url, keepAlive, 'hello again');
      expect(during).toEqual({ status: 503, connection: 'close' });
      expect((await inFlight).status).toBe(200);
      await closed;
    } finally {
      keepAlive.destroy();
      other.destroy();
      await server.close();
    }
  });
});
