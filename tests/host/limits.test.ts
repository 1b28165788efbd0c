import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import type { RunningServer } from '../../src/host/server';
import { messageActivity, post, replyText, shippedKnowledge, startBot } from '../helpers/bot-server';

let server: RunningServer;
beforeAll(async () => {
  server = await startBot({
    MAX_BODY_BYTES: '65536',
    RATE_LIMIT_PER_CONVERSATION: '3',
    RATE_LIMIT_PER_USER: '5',
    RATE_LIMIT_WINDOW_MS: '60000',
  });
});
afterAll(async () => {
  await server.close();
});

const raw = (body: string) =>
  fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
let user = 0;
const fresh = (text: string) => ({ ...messageActivity(text), from: { id: `limits-user-${++user}` } });

describe('input limits on /api/messages', () => {
  it('answers malformed JSON with 400 and no stack trace', async () => {
    const res = await raw('{"type": "message", "text": ');
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  it('answers a body over the limit with 413', async () => {
    const res = await raw(JSON.stringify(fresh('x'.repeat(70_000))));
    expect(res.status).toBe(413);
  });

  it.each([
    ['no type', { conversation: { id: 'c' }, text: 'hi' }, /type/],
    ['no conversation', { type: 'message', text: 'hi' }, /conversation/],
    ['not an object', [1, 2, 3], /object/],
  ])('answers an activity with %s with 400 and a short reason', async (_name, body, reason) => {
    const res = await raw(JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(reason);
  });

  it('accepts and ignores unknown activity types', async () => {
    const { status, activities } = await post(server.url, { ...fresh('x'), type: 'somethingNew' });
    expect(status).toBe(200);
    expect(activities).toEqual([]);
  });

  it('cuts over-long text for understanding and still answers', async () => {
    const { status, activities } = await post(server.url, fresh(`is CST safe? ${'really '.repeat(8000)}`));
    expect(status).toBe(200);
    expect(replyText(activities)).toContain(shippedKnowledge().replies.disclaimer);
  });

  it('limits turns per conversation with 429 and Retry-After', async () => {
    const base = { ...fresh('hi'), conversation: { id: 'limited-conversation' } };
    for (let i = 0; i < 3; i++) expect((await post(server.url, { ...base, from: { id: `u${i}-${user}` } })).status).toBe(200);
    const res = await raw(JSON.stringify({ ...base, from: { id: `other-${user}` } }));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('limits turns per user across conversations', async () => {
    const from = { id: 'chatty-user' };
    for (let i = 0; i < 5; i++) expect((await post(server.url, { ...messageActivity('hi', `chatty-${i}`), from })).status).toBe(200);
    expect((await post(server.url, { ...messageActivity('hi', 'chatty-6'), from })).status).toBe(429);
  });

  it("tells the person why in their message's language", async () => {
    const base = { ...fresh('hola'), conversation: { id: 'limited-in-spanish' }, locale: 'es-MX' };
    for (let i = 0; i < 3; i++) await post(server.url, { ...base, from: { id: `es${i}-${user}` } });
    const res = await raw(JSON.stringify({ ...base, from: { id: `es-other-${user}` } }));
    expect(res.status).toBe(429);
    const body = (await res.json()) as { message: string };
    expect(body.message).toBe(shippedKnowledge().inLanguage('es').replies.refusals.tooManyMessages);
  });
});

describe('default rate limits', () => {
  it('let one client id run many short conversations quickly, as an evaluation harness does', async () => {
    const defaults = loadConfig({});
    const relaxed = await startBot({
      RATE_LIMIT_PER_CONVERSATION: String(defaults.RATE_LIMIT_PER_CONVERSATION),
      RATE_LIMIT_PER_USER: String(defaults.RATE_LIMIT_PER_USER),
    });
    try {
      const statuses: number[] = [];
      for (let conversation = 0; conversation < 100; conversation++) {
        for (const text of ['what is CST?', 'is it safe?', 'and for migraines?']) {
          statuses.push((await post(relaxed.url, { ...messageActivity(text, `harness-${conversation}`), from: { id: 'user-1' } })).status);
        }
      }
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
    } finally {
      await relaxed.close();
    }
  }, 60_000);
});
