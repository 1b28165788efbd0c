// With MicrosoftAppId set, /api/messages serves only requests carrying a valid Bot Framework channel token.
// The channel's OpenID metadata and keys are mocked with nock; the bot is called over loopback.
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { messageActivity } from '../helpers/bot-server';
import {
  allowOnlyLoopback,
  channelToken,
  createSigningKey,
  mockChannelKeys,
  OPENID_ORIGIN,
  OPENID_PATH,
  postActivity,
  resetBotFrameworkCaches,
  signJwt,
  startBotWithLogs,
  type LoggedBot,
} from '../helpers/jwt';

const APP_ID = '3f2c1a9e-5b7d-4e21-9c0a-1d2e3f4a5b6c';
const SERVICE_URL = 'https://webchat.botframework.com/';
const QUESTION = 'what is craniosacral therapy?';

const published = createSigningKey(undefined, ['webchat', 'msteams']);
const teamsOnly = createSigningKey(undefined, ['msteams']);
/** A key the channel never published, under the kid of one it did. */
const impostor = createSigningKey(published.kid);
const unpublished = createSigningKey();

const activity = () => ({ ...messageActivity(QUESTION, undefined, 'webchat'), serviceUrl: SERVICE_URL });
const valid = (overrides: Record<string, unknown> = {}, key = published, expiresIn?: number) =>
  `Bearer ${channelToken(key, { appId: APP_ID, serviceUrl: SERVICE_URL, expiresIn, overrides })}`;
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = () => ({
  iss: 'https://api.botframework.com',
  aud: APP_ID,
  serviceurl: SERVICE_URL,
  exp: Math.floor(Date.now() / 1000) + 3600,
});

let bot: LoggedBot;
beforeAll(async () => {
  allowOnlyLoopback();
  bot = await startBotWithLogs({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-with-expect-replies' });
});
afterAll(async () => {
  await bot.server.close();
  nock.enableNetConnect();
});
beforeEach(() => resetBotFrameworkCaches());
afterEach(() => nock.cleanAll());

describe('with MicrosoftAppId set, /api/messages', () => {
  it('answers a request whose token the channel signed for this bot and this serviceUrl', async () => {
    const keys = mockChannelKeys([teamsOnly, published]);
    const { status, body } = await postActivity(bot.server.url, activity(), valid());
    expect(status).toBe(200);
    expect(JSON.parse(body).activities.length).toBeGreaterThan(0);
    expect(keys.isDone()).toBe(true); // the token was checked against the mocked key set
  });

  it('needs the token on every request, not only the first', async () => {
    mockChannelKeys([published]);
    expect((await postActivity(bot.server.url, activity(), valid())).status).toBe(200);
    expect((await postActivity(bot.server.url, activity())).status).toBe(401);
  });

  const refused: [string, () => string | undefined][] = [
    ['no Authorization header', () => undefined],
    ['an empty bearer token', () => 'Bearer '],
    ['another scheme', () => 'Basic dXNlcjpwYXNz'],
    ['a token that is not a JWT', () => 'Bearer not-a-jwt'],
    ['a JWT whose payload is not JSON', () => `Bearer ${b64({ alg: 'RS256', kid: published.kid })}.bm90LWpzb24.c2ln`],
    ['an expired token', () => valid({}, published, -3600)],
    ['a token not valid until tomorrow', () => valid({ nbf: Math.floor(Date.now() / 1000) + 86_400 })],
    ['a token for another bot (audience)', () => valid({ aud: '00000000-0000-0000-0000-000000000000' })],
    ['a token from another issuer', () => valid({ iss: 'https://login.example.test' })],
    ['a token without an issuer', () => valid({ iss: undefined })],
    ['a token signed by a key the channel does not publish', () => valid({}, unpublished)],
    ['a token signed by another key under a published key id', () => valid({}, impostor)],
    ['a token for another serviceUrl', () => valid({ serviceurl: 'https://attacker.example.test/' })],
    ['a token signed by a key not endorsed for this channel', () => valid({}, teamsOnly)],
    ['an unsigned token (alg none)', () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
    [
      'a token signed with the public key as an HS256 secret',
      () => {
        const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: published.kid })}.${b64(claims())}`;
        const secret = published.privateKey.export({ type: 'pkcs1', format: 'pem' });
        return `Bearer ${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
      },
    ],
    ['a token with extra spaces', () => `Bearer  ${signJwt(published, claims())}`],
  ];

  it.each(refused)('refuses %s with 401, without running the turn or showing the cause', async (_name, authorization) => {
    mockChannelKeys([teamsOnly, published]);
    const { status, body } = await postActivity(bot.server.url, activity(), authorization());
    expect(status).toBe(401);
    expect(JSON.parse(body)).toEqual({ error: 'unauthorized' });
    expect(body).not.toMatch(/\bat\s|\.js\b|\.ts\b|Error/);
  });

  it('answers 503 (not 401 or 500) while the channel keys cannot be fetched, and 200 once they can', async () => {
    nock(OPENID_ORIGIN).get(OPENID_PATH).reply(503, 'unavailable');
    const down = await postActivity(bot.server.url, activity(), valid());
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body)).toEqual({ error: 'authentication unavailable' });
    // An Error instance: nock's plain-object form never settles node-fetch, which botbuilder uses here.
    nock(OPENID_ORIGIN)
      .get(OPENID_PATH)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    expect((await postActivity(bot.server.url, activity(), valid())).status).toBe(503);

    mockChannelKeys([published]);
    expect((await postActivity(bot.server.url, activity(), valid())).status).toBe(200);
  });

  it('logs why a request was refused, but never the token or the message', async () => {
    mockChannelKeys([published]);
    const token = valid({ aud: 'someone-else' });
    const before = bot.logs().length;
    expect((await postActivity(bot.server.url, activity(), token)).status).toBe(401);
    const logged = bot.logs().slice(before);
    const refusal = logged.find((line) => line.msg === 'request rejected: not authenticated');
    expect(refusal).toMatchObject({ status: 401, channelId: 'webchat', reason: expect.stringMatching(/Invalid AppId/) });
    const text = JSON.stringify(logged);
    expect(text).not.toContain(token.slice('Bearer '.length));
    expect(text).not.toContain(QUESTION);
  });
});
