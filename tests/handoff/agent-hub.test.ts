// The agent hub in Teams, end to end over the Bot Framework protocol: a person in Web Chat asks for a person;
// the request opens a thread in the hub channel (a card with the transcript); an agent's reply in the thread
// reaches the person; the person's reply reaches the thread; "end" hands the person back to the bot. Once with
// one bot and in-memory state, once with two bots sharing blob state in Azurite (the person on one, the agent
// on the other). The channels' keys, AAD's token endpoint and both Bot Connectors are mocked with nock.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { shippedKnowledge } from '../helpers/bot-server';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { BlobStateStorage } from '../../src/state/blob-storage';
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
const TEAMS = 'https://smba.example.test';
const TEAMS_SERVICE_URL = `${TEAMS}/teams/`;
const HUB_CHANNEL = '19:hub-channel@thread.tacv2';
const THREAD = `${HUB_CHANNEL};messageid=1700000000001`;
const WEBCHAT = 'https://webchat.example.test';
const WEBCHAT_SERVICE_URL = `${WEBCHAT}/`;
const key = createSigningKey(undefined, ['msteams', 'webchat']);
const disclaimer = shippedKnowledge().replies.disclaimer;

interface Posted {
  path: string;
  body: { type?: string; text?: string; attachments?: { content: unknown }[]; activity?: { attachments?: { content: unknown }[] } };
}
/** Every request the bot makes to a connector, in order. */
let posted: Posted[] = [];
function mockConnectors() {
  const record = (origin: string) =>
    nock(origin)
      .persist()
      .post(/.*/)
      .reply(function (path, body) {
        posted.push({ path, body: body as Posted['body'] });
        if (path.endsWith('/v3/conversations')) return [200, { id: THREAD, activityId: '1700000000001' }];
        return [200, { id: `sent-${posted.length}` }];
      });
  record(TEAMS);
  record(WEBCHAT);
}

const SETTINGS = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'app-secret',
  HANDOFF_TEAMS_CHANNEL: HUB_CHANNEL,
  HANDOFF_TEAMS_SERVICE_URL: TEAMS_SERVICE_URL,
  RATE_LIMIT_PER_CONVERSATION: '0',
};
let azurite: Azurite;
let single: LoggedBot;
/** Two bots sharing blob state: the person talks to the first, the agent's messages arrive at the second. */
let shared: [LoggedBot, LoggedBot];
beforeAll(async () => {
  allowOnlyLoopback();
  azurite = await startAzurite();
  const blob = { STATE_STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: 'agent-hub' };
  const storage = () => new BlobStateStorage({ connectionString: azurite.connectionString, container: 'agent-hub' });
  single = await startBotWithLogs(SETTINGS);
  shared = [await startBotWithLogs({ ...SETTINGS, ...blob }, storage()), await startBotWithLogs({ ...SETTINGS, ...blob }, storage())];
});
afterAll(async () => {
  await Promise.all([single, ...shared].map((bot) => bot.server.close()));
  await azurite?.stop();
  nock.enableNetConnect();
});
/** Where the person's and the agent's messages go in the current case. */
let personBot: LoggedBot;
let agentBot: LoggedBot;
beforeEach(() => {
  resetBotFrameworkCaches();
  mockChannelKeys([key]).persist();
  mockBotTokenEndpoint(APP_ID, 'aad-token-for-the-bot').persist();
  mockConnectors();
  posted = [];
});
afterEach(() => nock.cleanAll());

let counter = 0;
/** The person, in Web Chat, asking for the replies in the response. */
async function person(text: string, conversationId: string) {
  const activity = {
    type: 'message',
    id: `p-${++counter}`,
    text,
    channelId: 'webchat',
    serviceUrl: WEBCHAT_SERVICE_URL,
    deliveryMode: 'expectReplies',
    conversation: { id: conversationId },
    from: { id: 'person-1', name: 'Person' },
    recipient: { id: APP_ID, name: 'Bot' },
    locale: 'en-GB',
  };
  const token = channelToken(key, { appId: APP_ID, serviceUrl: WEBCHAT_SERVICE_URL });
  const { status, body } = await postActivity(personBot.server.url, activity, `Bearer ${token}`);
  expect(status).toBe(200);
  return JSON.stringify(JSON.parse(body || '{}').activities ?? []);
}

/** An agent writing in the hub thread, mentioning the bot, as Teams sends it. */
async function agent(text: string, value?: object) {
  const activity = {
    type: 'message',
    id: `a-${++counter}`,
    text: value ? undefined : `<at>Bot</at> ${text}`,
    value,
    channelId: 'msteams',
    serviceUrl: TEAMS_SERVICE_URL,
    conversation: { id: THREAD, isGroup: true, conversationType: 'channel' },
    from: { id: 'agent-1', name: 'Sam' },
    recipient: { id: `28:${APP_ID}`, name: 'Bot' },
    entities: value ? [] : [{ type: 'mention', mentioned: { id: `28:${APP_ID}`, name: 'Bot' }, text: '<at>Bot</at>' }],
    channelData: { channel: { id: HUB_CHANNEL }, team: { id: '19:team@thread.tacv2' } },
  };
  const token = channelToken(key, { appId: APP_ID, serviceUrl: TEAMS_SERVICE_URL });
  const { status } = await postActivity(agentBot.server.url, activity, `Bearer ${token}`);
  expect(status).toBe(200);
}

const toPerson = () => posted.filter((p) => p.path.startsWith('/v3/conversations/') && !p.path.includes('thread'));
const texts = (list: Posted[]) => list.map((p) => p.body.text ?? '').join('\n');

describe.each([
  ['one bot, state in memory', () => [single, single]],
  ['two bots sharing blob state', () => shared],
])('the agent hub in Teams (%s)', (_case, bots) => {
  beforeEach(() => {
    [personBot, agentBot] = bots();
  });

  it('carries a request from Web Chat to a Teams thread and back, until the agent ends it', async () => {
    const conversation = `webchat-${counter}`;
    await person('does craniosacral therapy help migraines?', conversation);
    const asked = await person('I need to talk to a real person', conversation);
    expect(asked).toMatch(/asked our support team to join this chat/);
    expect(asked).toContain('handoff.initiate');

    // The thread: a new conversation in the hub channel, its first message the card with the transcript.
    const created = posted.find((p) => p.path === '/teams/v3/conversations');
    expect(created).toBeDefined();
    const card = JSON.stringify(created!.body.activity?.attachments?.[0]?.content);
    expect(card).toContain('Request for a person');
    expect(card).toContain('Person: does craniosacral therapy help migraines?');
    expect(card).toContain('Person: I need to talk to a real person');
    expect(card).toContain('End and hand back to the bot');

    // While nobody has joined: the person's words go to the thread, and they are told where things stand.
    posted = [];
    const waiting = await person('hello? is anyone there?', conversation);
    expect(waiting).toMatch(/a member of the team will reply here/);
    expect(waiting).not.toMatch(/Hello! I answer questions/);
    expect(texts(posted.filter((p) => p.path.startsWith(`/teams/v3/conversations/${encodeURIComponent(THREAD)}`)))).toContain(
      'Person: hello? is anyone there?',
    );

    // The agent replies in the thread: the person gets it, escaped, with the disclaimer.
    posted = [];
    await agent('Hi, I am Sam from the support desk. <b>How</b> can I help?');
    const delivered = posted.filter((p) => p.path.startsWith('/v3/conversations/'));
    expect(texts(delivered)).toContain('Sam (support team): Hi, I am Sam from the support desk. &lt;b&gt;How&lt;/b&gt; can I help?');
    expect(texts(delivered)).toContain(disclaimer);

    // Now the person talks to Sam: the bot relays and does not answer for itself.
    posted = [];
    const relayed = await person('is craniosacral therapy safe for my baby?', conversation);
    expect(relayed).not.toMatch(/Craniosacral therapy/);
    expect(texts(posted)).toContain('Person: is craniosacral therapy safe for my baby?');

    // An emergency still gets the emergency reply first, and reaches the thread too.
    const emergency = await person("my baby isn't breathing", conversation);
    expect(emergency).toMatch(/emergency/i);

    // Sam ends it with the card's button: the person is back with the bot.
    posted = [];
    await agent('', { handoffHub: 'end' });
    expect(texts(posted)).toMatch(/has left this chat. I'm back/);
    expect(texts(posted)).toMatch(/Ended: the bot answers this person again/);
    expect(await person('is craniosacral therapy safe in pregnancy?', conversation)).toMatch(/pregnan/i);

    // A late reply in the ended thread reaches nobody.
    posted = [];
    await agent('one more thing');
    expect(texts(posted)).toMatch(/This request has ended/);
    expect(toPerson().filter((p) => p.path.includes(conversation))).toHaveLength(0);

    // The log counted the request, the agent joining and the end; it holds none of the words.
    const logs = [...new Set([personBot, agentBot])].flatMap((bot) => bot.logs());
    const handoffs = logs.filter((line) => line.event === 'turn' && line.handoff && String(line.conversation)).map((line) => line.handoff);
    expect(handoffs).toEqual(expect.arrayContaining(['agent-requested', 'agent-joined', 'agent-ended']));
    expect(JSON.stringify(logs)).not.toContain('anyone there');
  });

  it('lets the person cancel: the thread is told, and an agent writing later reaches nobody', async () => {
    const conversation = `webchat-cancel-${counter}`;
    await person('talk to a person', conversation);
    posted = [];
    expect(await person('cancel', conversation)).toMatch(/carry on here/);
    expect(texts(posted)).toContain('The person ended the request and is back with the bot.');
    posted = [];
    await agent('Hello?');
    expect(texts(posted)).toMatch(/This request has ended/);
  });
});
