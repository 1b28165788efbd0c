// Issue 17, findings 4 and 5: only authenticated requests are charged, rate-limit keys are bounded, leaving
// out the sender is no way around the per-user limit, and a concurrency cap sheds load whatever the ids.
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateKey, type RunningServer } from '../../src/host/server';
import { messageActivity, post, startBot } from '../helpers/bot-server';
import { SlowBot, startSlowServer } from '../helpers/slow-bot';
import {
  allowOnlyLoopback,
  channelToken,
  createSigningKey,
  mockChannelKeys,
  postActivity,
  resetBotFrameworkCaches,
  startBotWithLogs,
  type LoggedBot,
} from '../helpers/jwt';

describe('rate limits with authentication on (finding 4)', () => {
  const APP_ID = '5e1d2c3b-4a59-4687-9a8b-7c6d5e4f3a2b';
  const SERVICE_URL = 'https://webchat.botframework.com/';
  const key = createSigningKey(undefined, ['webchat']);
  const forged = createSigningKey();
  let bot: LoggedBot;
  beforeAll(async () => {
    allowOnlyLoopback();
    resetBotFrameworkCaches();
    bot = await startBotWithLogs({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'unused',
      RATE_LIMIT_PER_CONVERSATION: '3',
      RATE_LIMIT_PER_USER: '3',
    });
  });
  afterAll(async () => {
    await bot.server.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("charges only authenticated requests: 30 forged ones naming a victim's conversation and user cost the victim nothing", async () => {
    nock.cleanAll();
    mockChannelKeys([key]).persist();
    const victim = () => ({
      ...messageActivity('what is craniosacral therapy?', 'victim-conversation', 'webchat'),
      serviceUrl: SERVICE_URL,
    });
    const token = (signer = key) => `Bearer ${channelToken(signer, { appId: APP_ID, serviceUrl: SERVICE_URL })}`;
    const attacks = await Promise.all(
      Array.from({ length: 30 }, (_, i) => postActivity(bot.server.url, victim(), i % 2 ? undefined : token(forged))),
    );
    expect(new Set(attacks.map((a) => a.status))).toEqual(new Set([401]));
    // The victim's three turns in the window all go through; the fourth is the victim's own excess.
    const own = [];
    for (let i = 0; i < 4; i++) own.push((await postActivity(bot.server.url, victim(), token())).status);
    expect(own).toEqual([200, 200, 200, 429]);
  });
});

describe('rate limits', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startBot({ RATE_LIMIT_PER_USER: '5', RATE_LIMIT_PER_CONVERSATION: '0' });
  });
  afterAll(() => server.close());

  it('count activities without a sender in one bucket (finding 5)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const { from: _from, ...anonymous } = messageActivity('hello', `no-sender-${i}`);
      void _from;
      statuses.push((await post(server.url, anonymous)).status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('keep a fixed-size key whatever the id (finding 4)', () => {
    const huge = 'c'.repeat(100 * 1024);
    expect(rateKey('webchat', huge)).toHaveLength(22);
    expect(rateKey('webchat', huge)).not.toBe(rateKey('webchat', `${huge}d`));
    expect(rateKey('webchat', 'a/b')).not.toBe(rateKey('webchat/a', 'b'));
  });
});

describe('load shedding (finding 5)', () => {
  it('answers 503 with Retry-After past the cap of turns in progress, whatever the ids, and serves again after', async () => {
    const server = await startSlowServer(
      new SlowBot(() => 300),
      { MAX_CONCURRENT_TURNS: '2', RATE_LIMIT_PER_CONVERSATION: '0', RATE_LIMIT_PER_USER: '0' },
      1000,
    );
    try {
      const responses = await Promise.all(
        [1, 2, 3, 4].map((i) =>
          fetch(`${server.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(messageActivity('hi', `rotating-${i}`)),
          }),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 200, 503, 503]);
      expect(responses.find((r) => r.status === 503)?.headers.get('retry-after')).toBe('1');
      expect((await post(server.url, messageActivity('hi', 'after'))).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
