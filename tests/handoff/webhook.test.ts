// The ticket webhook client against a receiver played by nock: accepted, refused, down, slow; the signature
// verifies with the recipe docs/handoff.md gives receivers.
import { createHmac, timingSafeEqual } from 'node:crypto';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HANDOFF_PAYLOAD_VERSION, type HandoffPayload } from '../../src/handoff/payload';
import { WebhookReceiver } from '../../src/handoff/webhook';
import { createLogger } from '../../src/observability/logger';

const RECEIVER = 'https://tickets.example.org';
const SECRET = 'a-shared-secret-of-some-length';

const payload: HandoffPayload = {
  version: HANDOFF_PAYLOAD_VERSION,
  handoffId: '3b8f6c1e-2a4d-4f7e-9c1a-5d6e7f8a9b0c',
  createdAt: '2026-12-03T10:00:00.000Z',
  reason: 'requested',
  channel: 'webchat',
  locale: 'en-GB',
  conversation: { channelId: 'webchat', serviceUrl: 'https://webchat.botframework.com/', conversationId: 'c-1', userId: 'u-1' },
  transcript: [{ from: 'user', text: 'can I talk to someone?', timestamp: '2026-12-03T10:00:00.000Z' }],
  answers: [{ outcome: 'answered', therapyId: 'craniosacral-therapy', topics: ['safety'] }],
};

function receiver(timeoutMs = 3000, lines: string[] = []) {
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  return new WebhookReceiver({ url: `${RECEIVER}/handoff`, secret: SECRET, timeoutMs, logger });
}

/** The receiver's side of the recipe in docs/handoff.md: HMAC-SHA256 of "<t>.<raw body>", within five minutes. */
function verify(header: string, rawBody: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  const given = Buffer.from(parts.v1 ?? '', 'utf8');
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected, 'utf8'));
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('the ticket webhook', () => {
  it('posts the payload, signed and with its handoff id, and takes the receiver reference', async () => {
    let seen: { headers: Record<string, string | string[]>; body: string } | undefined;
    nock(RECEIVER)
      .post('/handoff')
      .reply(function (_uri, body) {
        seen = { headers: this.req.headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
        return [201, { reference: 'TCK-42' }];
      });
    const result = await receiver().submit(payload);
    expect(result).toEqual({ accepted: true, reference: 'TCK-42' });
    expect(seen?.headers['x-handoff-id']).toBe(payload.handoffId);
    expect(seen?.headers['idempotency-key']).toBe(payload.handoffId);
    expect(JSON.parse(seen!.body)).toEqual(payload);
    expect(verify(String(seen?.headers['x-handoff-signature']), seen!.body, SECRET)).toBe(true);
    expect(verify(String(seen?.headers['x-handoff-signature']), seen!.body, 'another-secret-of-some-length')).toBe(false);
    expect(verify(String(seen?.headers['x-handoff-signature']), seen!.body.replace('someone', 'somebody'), SECRET)).toBe(false);
  });

  it('refuses a signature older than the replay window', async () => {
    let header = '';
    let body = '';
    nock(RECEIVER)
      .post('/handoff')
      .reply(function (_uri, raw) {
        header = String(this.req.headers['x-handoff-signature']);
        body = typeof raw === 'string' ? raw : JSON.stringify(raw);
        return [202];
      });
    await receiver().submit(payload);
    expect(verify(header, body, SECRET, Math.floor(Date.now() / 1000) + 301)).toBe(false);
  });

  it('is refused: one try, no ticket', async () => {
    const scope = nock(RECEIVER).post('/handoff').once().reply(400, { error: 'bad request' });
    const lines: string[] = [];
    expect(await receiver(3000, lines).submit(payload)).toEqual({ accepted: false, reason: 'HTTP 400' });
    expect(scope.isDone()).toBe(true);
    expect(lines.join('\n')).not.toContain('someone');
  });

  it('retries a receiver that fails for a moment, with the same handoff id', async () => {
    const ids: string[] = [];
    nock(RECEIVER)
      .post('/handoff')
      .times(2)
      .reply(function () {
        ids.push(String(this.req.headers['x-handoff-id']));
        return [503];
      })
      .post('/handoff')
      .reply(function () {
        ids.push(String(this.req.headers['x-handoff-id']));
        return [200, {}];
      });
    const result = await receiver().submit(payload);
    expect(result).toEqual({ accepted: true, reference: undefined });
    expect(ids).toEqual([payload.handoffId, payload.handoffId, payload.handoffId]);
  });

  it('gives up on a receiver that is down, within its deadline', async () => {
    nock(RECEIVER).post('/handoff').times(10).replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
    const started = Date.now();
    const result = await receiver(2000).submit(payload);
    expect(result.accepted).toBe(false);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    nock(RECEIVER).post('/handoff').delay(5000).reply(200, { reference: 'TOO-LATE' });
    const started = Date.now();
    const result = await receiver(1000).submit(payload);
    expect(result).toEqual({ accepted: false, reason: 'deadline' });
    expect(Date.now() - started).toBeLessThan(1800);
  });

  it('never shows a reference that could carry markup', async () => {
    nock(RECEIVER).post('/handoff').reply(200, { reference: '<b>x</b>' });
    expect(await receiver().submit(payload)).toEqual({ accepted: true, reference: undefined });
  });
});
