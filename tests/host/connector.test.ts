// Replies outside expectReplies go to the Bot Connector at the activity's serviceUrl, with the bot's own token;
// a failing connector is retried with backoff and logged, and never costs the HTTP answer or the process.
// The channel's keys, AAD's token endpoint and the connector are mocked with nock; the bot runs on loopback.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ConnectorFactoryImpl } from 'botframework-connector/lib/auth/connectorFactoryImpl';
import nock from 'nock';
import { messageActivity, replyText, shippedKnowledge, type ReplyActivity } from '../helpers/bot-server';
import {
  allowOnlyLoopback,
  channelToken,
  createSigningKey,
  mockBotTokenEndpoint,
  mockChannelKeys,
  postActivity,
  resetBotFrameworkCaches,
  startBotWithLogs,
  type LoggedBot,
} from '../helpers/jwt';

const APP_ID = '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6';
const CONNECTOR = 'https://smba.example.test';
const SERVICE_URL = `${CONNECTOR}/amer/`;
const QUESTION = 'is craniosacral therapy safe during pregnancy?';
const key = createSigningKey(undefined, ['msteams']);

/** A Teams message that expects its replies through the connector (no deliveryMode). */
function teamsMessage(text = QUESTION) {
  // undefined: JSON leaves deliveryMode out.
  return { ...messageActivity(text, undefined, 'msteams'), deliveryMode: undefined, serviceUrl: SERVICE_URL };
}
const replyPath = (activity: { id: string; conversation: { id: string } }) =>
  `/amer/v3/conversations/${encodeURIComponent(activity.conversation.id)}/activities/${encodeURIComponent(activity.id)}`;
const send = (bot: LoggedBot, activity: object) =>
  postActivity(bot.server.url, activity, `Bearer ${channelToken(key, { appId: APP_ID, serviceUrl: SERVICE_URL })}`);

interface Received {
  authorization: string | undefined;
  activity: ReplyActivity & { replyToId?: string };
}
/** Answers connector calls on `path` in turn with each given status (or network error); records what arrived. */
function mockConnector(path: string, outcomes: (number | Error)[]): Received[] {
  const received: Received[] = [];
  const scope = nock(CONNECTOR);
  for (const outcome of outcomes) {
    const interceptor = scope.post(path, (body: ReplyActivity) => {
      received.push({ authorization: undefined, activity: body });
      return true;
    });
    if (outcome instanceof Error) interceptor.replyWithError(outcome);
    else
      interceptor.reply(function () {
        received[received.length - 1].authorization = this.req.headers.authorization;
        return outcome < 300
          ? [outcome, { id: `sent-${received.length}` }]
          : [outcome, { error: { code: 'ServiceError', message: 'try later' } }];
      });
  }
  return received;
}
const connectionReset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

let bot: LoggedBot;
beforeAll(async () => {
  allowOnlyLoopback();
  bot = await startBotWithLogs({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'app-secret' });
});
afterAll(async () => {
  await bot.server.close();
  nock.enableNetConnect();
});
beforeEach(() => {
  resetBotFrameworkCaches();
  mockChannelKeys([key]);
});
afterEach(() => nock.cleanAll());

/** Log lines written while `run` ran. */
async function logsDuring(target: LoggedBot, run: () => Promise<void>) {
  const before = target.logs().length;
  await run();
  return target.logs().slice(before);
}
const retries = (lines: Record<string, unknown>[]) => lines.filter((line) => line.msg === 'Bot Connector request failed; retrying');

describe('replies through the Bot Connector', () => {
  it("posts the reply to the activity's serviceUrl with the token from AAD's token endpoint", async () => {
    const token = mockBotTokenEndpoint(APP_ID, 'aad-token-for-the-bot');
    const activity = teamsMessage();
    const received = mockConnector(replyPath(activity), [200]);

    const { status } = await send(bot, activity);

    expect(status).toBe(200);
    expect(token.isDone()).toBe(true);
    expect(received).toHaveLength(1);
    expect(received[0].authorization).toBe('Bearer aad-token-for-the-bot');
    expect(received[0].activity.replyToId).toBe(activity.id);
    expect(replyText([received[0].activity])).toContain(shippedKnowledge().replies.disclaimer);
  });

  it("SingleTenant: asks the bot's own tenant for the token", async () => {
    const tenant = '0c1d2e3f-aaaa-bbbb-cccc-123456789abc';
    const single = await startBotWithLogs({
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'app-secret',
      MicrosoftAppTenantId: tenant,
    });
    try {
      const token = mockBotTokenEndpoint(APP_ID, 'single-tenant-token', tenant);
      const activity = teamsMessage();
      const received = mockConnector(replyPath(activity), [200]);
      expect((await send(single, activity)).status).toBe(200);
      expect(token.isDone()).toBe(true);
      expect(received.map((r) => r.authorization)).toEqual(['Bearer single-tenant-token']);
    } finally {
      await single.server.close();
    }
  });

  it('retries a reply after a 503 and a dropped connection, delivers it once, and logs each retry', async () => {
    mockBotTokenEndpoint(APP_ID, 'token-retry');
    const activity = teamsMessage();
    const received = mockConnector(replyPath(activity), [503, connectionReset(), 200]);

    const logged = await logsDuring(bot, async () => {
      expect((await send(bot, activity)).status).toBe(200);
    });

    expect(received).toHaveLength(3);
    // The same reply each time: nothing before it is sent again.
    expect(new Set(received.map((r) => JSON.stringify(r.activity))).size).toBe(1);
    expect(received[2].authorization).toBe('Bearer token-retry');
    expect(nock.pendingMocks()).toEqual([]);
    expect(retries(logged).map((line) => [line.attempt, line.reason])).toEqual([
      [1, 'HTTP 503'],
      [2, 'ECONNRESET'],
    ]);
    expect(logged.some((line) => line.msg === 'turn failed')).toBe(false);
    expect(JSON.stringify(logged)).not.toContain(QUESTION);
  });

  it('does not retry a reply the connector refuses (400): the turn fails once and is logged', async () => {
    mockBotTokenEndpoint(APP_ID, 'token-400');
    const activity = teamsMessage();
    // The reply, then the polite turn-error reply: each tried once.
    const received = mockConnector(replyPath(activity), [400, 400]);

    const logged = await logsDuring(bot, async () => {
      expect((await send(bot, activity)).status).toBe(200);
    });

    expect(received).toHaveLength(2);
    expect(received[1].activity.text?.startsWith(shippedKnowledge().replies.turnError)).toBe(true);
    expect(retries(logged)).toEqual([]);
    expect(logged.some((line) => line.msg === 'turn failed')).toBe(true);
  });

  it('a connector that keeps failing: the request is still answered 200, the failure logged, and the next request works', async () => {
    mockBotTokenEndpoint(APP_ID, 'token-down');
    const failing = teamsMessage();
    // Three tries for the reply, three for the turn-error reply.
    const received = mockConnector(replyPath(failing), [503, 502, 503, 503, 500, 503]);

    const logged = await logsDuring(bot, async () => {
      const { status, body } = await send(bot, failing);
      expect(status).toBe(200); // the activity was received; the channel must not redeliver it
      expect(body).not.toMatch(/\bat\s|Error/);
    });

    expect(received).toHaveLength(6);
    expect(retries(logged)).toHaveLength(4);
    expect(logged.filter((line) => line.msg === 'Bot Connector request failed; giving up')).toHaveLength(2);
    expect(logged.some((line) => line.msg === 'turn failed')).toBe(true);
    expect(logged.some((line) => line.msg === 'could not send the turn-error reply')).toBe(true);
    expect(JSON.stringify(logged)).not.toContain(QUESTION);

    // The connector is back: the next message is answered as usual.
    const next = teamsMessage('what is craniosacral therapy?');
    const delivered = mockConnector(replyPath(next), [200]);
    expect((await send(bot, next)).status).toBe(200);
    expect(delivered).toHaveLength(1);
    expect(delivered[0].activity.text).not.toBe(shippedKnowledge().replies.turnError);
    const health = await fetch(`${bot.server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('makes one connector client per service URL and one user-token client, and reuses them for later turns', async () => {
    mockBotTokenEndpoint(APP_ID, 'token-reuse');
    const made = vi.spyOn(ConnectorFactoryImpl.prototype, 'create');
    const userTokenClients = vi.spyOn(ConfigurationBotFrameworkAuthentication.prototype, 'createUserTokenClient');
    try {
      const region = (path: string) => {
        const serviceUrl = `${CONNECTOR}/${path}/`;
        const activity = { ...teamsMessage(), serviceUrl };
        const token = channelToken(key, { appId: APP_ID, serviceUrl });
        const received = mockConnector(`/${path}${replyPath(activity).slice('/amer'.length)}`, [200]);
        return { received, send: () => postActivity(bot.server.url, activity, `Bearer ${token}`) };
      };
      const apac = [region('apac'), region('apac')];
      for (const turn of apac) expect((await turn.send()).status).toBe(200);
      expect(apac.map((turn) => turn.received.length)).toEqual([1, 1]);
      expect(made).toHaveBeenCalledTimes(1);

      const emea = region('emea');
      expect((await emea.send()).status).toBe(200);
      expect(emea.received).toHaveLength(1);
      expect(made).toHaveBeenCalledTimes(2);
      // Once for this app, by this turn or an earlier test's.
      expect(userTokenClients.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      made.mockRestore();
      userTokenClients.mockRestore();
    }
  });
});
