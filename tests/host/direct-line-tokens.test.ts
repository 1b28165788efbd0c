// The Direct Line token server over real HTTP, with nock standing in for the Direct Line API: tokens bound to
// a new dl_ user id and the allowed sites, refresh, CORS for those sites only, a limit per client, Direct
// Line's failures and slowness as clear 502 / 503 answers, and the secret never in a response or a log line.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/host/server';
import { startBot } from '../helpers/bot-server';

const SECRET = 'dl-secret-DO-NOT-LEAK-0123456789abcdef';
const DIRECT_LINE = 'https://directline.botframework.com';
const EUROPE = 'https://europe.directline.botframework.com';
const SITE = 'https://help.example.org';
const OTHER_SITE = 'https://evil.example.net';

let bot: RunningServer;
let europe: RunningServer;
let noSecret: RunningServer;
const logs: string[] = [];

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  const embed = { DIRECT_LINE_SECRET: SECRET, EMBED_ALLOWED_ORIGINS: `${SITE}, http://localhost:8080`, DIRECT_LINE_TOKEN_RATE_LIMIT: '5' };
  bot = await startBot(embed, logs);
  europe = await startBot({ ...embed, DIRECT_LINE_ENDPOINT: EUROPE });
  noSecret = await startBot();
});
afterEach(() => nock.cleanAll());
afterAll(async () => {
  await Promise.all([bot.close(), europe.close(), noSecret.close()]);
  nock.enableNetConnect();
});

let client = 0;
/** A POST as a browser on `origin` sends it; each call comes from its own client address unless told. */
async function call(
  server: RunningServer,
  path: string,
  { origin = SITE, body, from }: { origin?: string; body?: object; from?: string } = {},
) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(origin ? { origin } : {}),
      'x-forwarded-for': from ?? `203.0.113.${++client % 250}`,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe('POST /api/directline/token', () => {
  it('exchanges the secret for a token bound to a new dl_ user id and the allowed sites, and never returns the secret', async () => {
    let sent: { authorization?: string; body?: { user: { id: string }; trustedOrigins: string[] } } = {};
    nock(DIRECT_LINE)
      .post('/v3/directline/tokens/generate')
      .reply(function (_uri, body) {
        sent = { authorization: String(this.req.headers.authorization), body: body as typeof sent.body };
        return [200, { conversationId: 'conv-1', token: 'token-abc', expires_in: 1800 }];
      });
    const res = await call(bot, '/api/directline/token');
    expect(res.status).toBe(200);
    expect(sent.authorization).toBe(`Bearer ${SECRET}`);
    expect(sent.body?.user.id).toMatch(/^dl_[A-Za-z0-9_-]{20,}$/);
    expect(sent.body?.trustedOrigins).toEqual([SITE, 'http://localhost:8080']);
    expect(res.json).toEqual({
      token: 'token-abc',
      conversationId: 'conv-1',
      expires_in: 1800,
      userId: sent.body?.user.id,
      domain: `${DIRECT_LINE}/v3/directline`,
    });
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.text).not.toContain(SECRET);
    // The call is logged (so the check below reads real log lines), without the secret or the token.
    expect(logs.join('\n')).toContain('"event":"directline-token"');
    expect(logs.join('\n')).not.toContain(SECRET);
    expect(logs.join('\n')).not.toContain('token-abc');
  });

  it('gives every conversation its own user id', async () => {
    const ids: string[] = [];
    nock(DIRECT_LINE)
      .post('/v3/directline/tokens/generate')
      .times(2)
      .reply(function (_uri, body) {
        ids.push((body as { user: { id: string } }).user.id);
        return [200, { conversationId: `c${ids.length}`, token: 't', expires_in: 1800 }];
      });
    await call(bot, '/api/directline/token');
    await call(bot, '/api/directline/token');
    expect(new Set(ids).size).toBe(2);
  });

  it('uses DIRECT_LINE_ENDPOINT: a regional Direct Line', async () => {
    const scope = nock(EUROPE).post('/v3/directline/tokens/generate').reply(200, { conversationId: 'eu', token: 't', expires_in: 1800 });
    expect((await call(europe, '/api/directline/token')).status).toBe(200);
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a site not on the list, and a request with no Origin, without asking Direct Line', async () => {
    const scope = nock(DIRECT_LINE).post('/v3/directline/tokens/generate').reply(200, {});
    for (const origin of [OTHER_SITE, '']) {
      const res = await call(bot, '/api/directline/token', { origin });
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(scope.isDone()).toBe(false);
  });

  it("gives the bot's own pages a token bound to the bot's origin too (its chat talks to Direct Line from there)", async () => {
    let trusted: string[] = [];
    nock(DIRECT_LINE)
      .post('/v3/directline/tokens/generate')
      .reply(function (_uri, body) {
        trusted = (body as { trustedOrigins: string[] }).trustedOrigins;
        return [200, { conversationId: 'own', token: 't', expires_in: 1800 }];
      });
    const own = new URL(bot.url).origin;
    expect((await call(bot, '/api/directline/token', { origin: own })).status).toBe(200);
    expect(trusted).toEqual([SITE, 'http://localhost:8080', own]);
  });

  it('answers the browser preflight for allowed sites only', async () => {
    const preflight = (origin: string) =>
      fetch(`${bot.url}/api/directline/token`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const ok = await preflight(SITE);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(ok.headers.get('access-control-allow-methods')).toBe('POST');
    expect((await preflight(OTHER_SITE)).status).toBe(403);
  });

  it('limits the tokens one client address gets', async () => {
    nock(DIRECT_LINE).post('/v3/directline/tokens/generate').times(5).reply(200, { conversationId: 'c', token: 't', expires_in: 1800 });
    const from = '198.51.100.7';
    for (let i = 0; i < 5; i++) expect((await call(bot, '/api/directline/token', { from })).status).toBe(200);
    const refused = await call(bot, '/api/directline/token', { from });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is not affected.
    nock(DIRECT_LINE).post('/v3/directline/tokens/generate').reply(200, { conversationId: 'c', token: 't', expires_in: 1800 });
    expect((await call(bot, '/api/directline/token', { from: '198.51.100.8' })).status).toBe(200);
  });

  it('answers 502 when Direct Line refuses (a wrong secret), and 503 when it fails or is slow, never hanging', async () => {
    nock(DIRECT_LINE)
      .post('/v3/directline/tokens/generate')
      .reply(403, { error: { code: 'BadArgument', message: 'bad secret' } });
    expect((await call(bot, '/api/directline/token')).status).toBe(502);
    nock(DIRECT_LINE).post('/v3/directline/tokens/generate').reply(500);
    const down = await call(bot, '/api/directline/token');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    nock(DIRECT_LINE)
      .post('/v3/directline/tokens/generate')
      .delay(15_000)
      .reply(200, { conversationId: 'c', token: 't', expires_in: 1800 });
    const started = Date.now();
    const slow = await call(bot, '/api/directline/token');
    expect(slow.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(8000);
    nock(DIRECT_LINE).post('/v3/directline/tokens/generate').replyWithError('connect ECONNREFUSED');
    expect((await call(bot, '/api/directline/token')).status).toBe(503);
    nock(DIRECT_LINE).post('/v3/directline/tokens/generate').reply(200, 'not json');
    expect((await call(bot, '/api/directline/token')).status).toBe(502);
    expect(logs.join('\n')).not.toContain(SECRET);
  }, 20_000);
});

describe('POST /api/directline/refresh', () => {
  it('renews a token with the token itself, not the secret', async () => {
    let authorization = '';
    nock(DIRECT_LINE)
      .post('/v3/directline/tokens/refresh')
      .reply(function () {
        authorization = String(this.req.headers.authorization);
        return [200, { conversationId: 'conv-1', token: 'token-new', expires_in: 1800 }];
      });
    const res = await call(bot, '/api/directline/refresh', { body: { token: 'token-old' } });
    expect(res.status).toBe(200);
    expect(authorization).toBe('Bearer token-old');
    expect(res.json).toEqual({ token: 'token-new', conversationId: 'conv-1', expires_in: 1800, domain: `${DIRECT_LINE}/v3/directline` });
    expect(res.text).not.toContain(SECRET);
  });

  it('says a token that has expired must be replaced (401), and asks for one that is missing (400)', async () => {
    nock(DIRECT_LINE).post('/v3/directline/tokens/refresh').reply(403);
    expect((await call(bot, '/api/directline/refresh', { body: { token: 'expired' } })).status).toBe(401);
    expect((await call(bot, '/api/directline/refresh', { body: {} })).status).toBe(400);
    expect((await call(bot, '/api/directline/refresh', { origin: OTHER_SITE, body: { token: 'x' } })).status).toBe(403);
  });
});

describe('without DIRECT_LINE_SECRET', () => {
  it('has no token server (404), so the local chat page keeps posting to /api/messages', async () => {
    expect((await call(noSecret, '/api/directline/token')).status).toBe(404);
    expect((await call(noSecret, '/api/directline/refresh', { body: { token: 't' } })).status).toBe(404);
  });
});
