// Teams as Teams sends it: activities and invokes in the shapes the Teams channel posts (signed channel tokens,
// a Bot Connector at the activity's serviceUrl, mocked with nock), through the real bot over HTTP.
// Teams' own feedback buttons (message/submitAction), citations, Universal Actions (adaptiveCard/action),
// channels (only when @mentioned, in the thread) and group chats (short welcome, no transcript shared).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { shippedKnowledge, replyText, type ReplyActivity } from '../helpers/bot-server';
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
import { buildReport } from '../../src/cli/report';

const APP_ID = '5e2c8a41-7b3d-4f6e-9a1c-2d3e4f5a6b7c';
const CONNECTOR = 'https://smba.trafficmanager.test';
const SERVICE_URL = `${CONNECTOR}/amer/`;
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const key = createSigningKey(undefined, ['msteams']);
const DISCLAIMER = shippedKnowledge().replies.disclaimer;

let bot: LoggedBot;
let sequence = 0;

interface Sent {
  path: string;
  activity: ReplyActivity & {
    id?: string;
    replyToId?: string;
    channelData?: Record<string, unknown>;
    entities?: Record<string, unknown>[];
    value?: unknown;
  };
}
/** Every activity the bot sent to the connector; each is answered with a Teams message id. */
let sent: Sent[] = [];

beforeAll(async () => {
  allowOnlyLoopback();
  bot = await startBotWithLogs({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'app-secret', LOG_LEVEL: 'debug' });
});
afterAll(async () => {
  await bot.server.close();
  nock.enableNetConnect();
});
beforeEach(() => {
  resetBotFrameworkCaches();
  mockChannelKeys([key]);
  mockBotTokenEndpoint(APP_ID, 'aad-token');
  sent = [];
  nock(CONNECTOR)
    .persist()
    .post(/^\/amer\/v3\/conversations\/.+\/activities/)
    .reply(function (path, body) {
      sent.push({ path: decodeURIComponent(path), activity: body as Sent['activity'] });
      return [200, { id: `1701${String(sent.length).padStart(9, '0')}` }];
    });
});
afterEach(() => nock.cleanAll());

type Kind = 'personal' | 'groupChat' | 'channel';
const user = { id: '29:1f2e3d4c5b6a', name: 'Alex Rivera', aadObjectId: '0a1b2c3d-0000-4000-8000-000000000001' };
const botAccount = { id: `28:${APP_ID}`, name: 'Natural Therapy Answers' };

function conversationOf(kind: Kind, thread: string) {
  if (kind === 'personal') return { conversationType: 'personal', tenantId: TENANT, id: `a:1personal-${thread}` };
  if (kind === 'groupChat') return { conversationType: 'groupChat', tenantId: TENANT, id: `19:group-${thread}@thread.v2`, isGroup: true };
  return { conversationType: 'channel', tenantId: TENANT, id: `19:channel@thread.tacv2;messageid=${thread}`, isGroup: true };
}

/** The fields every activity from Teams carries. */
function fromTeams(kind: Kind, thread: string) {
  return {
    id: `${Date.now()}${++sequence}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    serviceUrl: SERVICE_URL,
    channelId: 'msteams',
    from: user,
    recipient: botAccount,
    conversation: conversationOf(kind, thread),
    locale: 'en-US',
    channelData: {
      tenant: { id: TENANT },
      ...(kind === 'channel' ? { channel: { id: '19:channel@thread.tacv2' }, team: { id: '19:team' } } : {}),
    },
  };
}

function message(kind: Kind, thread: string, text: string, mention = false) {
  const at = `<at>${botAccount.name}</at>`;
  return {
    ...fromTeams(kind, thread),
    type: 'message',
    text: mention ? `${at} ${text}` : text,
    textFormat: 'plain',
    entities: [
      { type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'America/New_York' },
      ...(mention ? [{ type: 'mention', text: at, mentioned: botAccount }] : []),
    ],
  };
}

function invoke(kind: Kind, thread: string, name: string, value: unknown, replyToId?: string) {
  return { ...fromTeams(kind, thread), type: 'invoke', name, value, ...(replyToId ? { replyToId } : {}) };
}

const send = (activity: object) =>
  postActivity(bot.server.url, activity, `Bearer ${channelToken(key, { appId: APP_ID, serviceUrl: SERVICE_URL })}`);

const feedbackValue = (reaction: string, feedbackText?: string) => ({
  actionName: 'feedback',
  actionValue: { reaction, feedback: JSON.stringify({ feedbackText: feedbackText ?? '' }) },
});

async function metric(name: string, labels: string): Promise<number> {
  const res = await fetch(`${bot.server.url}/metrics`, { headers: { authorization: 'Bearer metrics-token-for-tests' } });
  const line = (await res.text()).split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe("Teams' own feedback buttons", () => {
  it('are on answers, and a reaction is recorded against the answer it rates; the comment is never kept', async () => {
    const question = message('personal', 'feedback', 'is craniosacral therapy safe in pregnancy?');
    expect((await send(question)).status).toBe(200);
    expect(sent).toHaveLength(1);
    const answer = sent[0];
    expect(answer.activity.channelData).toEqual({ feedbackLoopEnabled: true });
    const card = answer.activity.attachments?.[0].content as { actions?: unknown[] };
    expect(card.actions).toBeUndefined();
    const messageId = '1701000000001';

    const before = await metric('bot_feedback_total', 'rating="not-helpful",outcome="answered",channel="msteams"');
    const comment = 'my midwife said no, I am 20 weeks along';
    const started = Date.now();
    const rated = await send(invoke('personal', 'feedback', 'message/submitAction', feedbackValue('dislike', comment), messageId));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(rated).toEqual({ status: 200, body: '{}' });
    expect(sent).toHaveLength(1); // Teams thanks the person itself: the bot sends nothing

    const events = bot.logs().filter((line) => line.event === 'feedback' && line.channelId === 'msteams');
    expect(events.at(-1)).toMatchObject({
      helpful: false,
      therapyId: 'craniosacral-therapy',
      outcome: 'answered',
      commented: true,
      topics: expect.arrayContaining(['safety']),
    });
    expect(JSON.stringify(bot.logs())).not.toContain('midwife');
    expect(await metric('bot_feedback_total', 'rating="not-helpful",outcome="answered",channel="msteams"')).toBe(before + 1);
    expect(await metric('bot_feedback_comments_total', 'rating="not-helpful"')).toBeGreaterThanOrEqual(1);

    // The other reaction replaces the rating; the report counts the one that stands, and the comment.
    expect(await send(invoke('personal', 'feedback', 'message/submitAction', feedbackValue('like'), messageId))).toEqual({
      status: 200,
      body: '{}',
    });
    const conversation = events.at(-1)!.conversation;
    const lines = bot
      .logs()
      .filter((line) => line.conversation === conversation)
      .map((line) => JSON.stringify(line));
    const report = buildReport(lines);
    expect(report.feedback).toEqual({ helpful: 1, notHelpful: 0, helpfulRate: 1, commented: 1 });
  });

  it('a reaction to a message the bot no longer remembers still counts, unattributed; a malformed one gets 400', async () => {
    expect(
      (await send(invoke('personal', 'feedback-unknown', 'message/submitAction', feedbackValue('like'), '1699999999999'))).status,
    ).toBe(200);
    expect(
      bot
        .logs()
        .filter((line) => line.event === 'feedback')
        .at(-1),
    ).toMatchObject({ helpful: true, commented: false });
    const bad = await send(invoke('personal', 'feedback-unknown', 'message/submitAction', { actionName: 'feedback', actionValue: {} }));
    expect(bad.status).toBe(400);
    expect(sent).toHaveLength(0);
  });
});

describe('citations', () => {
  it('cite the monograph in Teams: [1] in the text, the source in a schema.org Message entity', async () => {
    await send(message('personal', 'citations', 'does craniosacral therapy help migraines?'));
    const [answer] = sent;
    expect(answer.activity.text).toBe('Craniosacral therapy [1]');
    const entity = answer.activity.entities?.find((e) => e.type === 'https://schema.org/Message') as {
      citation: { position: number; appearance: { name: string; abstract: string } }[];
      additionalType?: unknown;
    };
    expect(entity.citation).toHaveLength(1);
    expect(entity.citation[0].position).toBe(1);
    expect(entity.citation[0].appearance.name).toBe('Craniosacral Therapy');
    expect(entity.citation[0].appearance.abstract).toMatch(/Natural Medicines Comprehensive Database.*\(2009\)\. Reviewed/);
    expect(entity.additionalType).toBeUndefined(); // no "AI generated" label
    // Every property arrives as the bot wrote it (the connector's models once dropped all but `type`).
    expect(entity).toMatchObject({ '@type': 'Message', '@context': 'https://schema.org', '@id': '' });
    expect(entity.citation[0]).toMatchObject({ '@type': 'Claim', appearance: { '@type': 'DigitalDocument' } });
    expect(replyText([answer.activity])).toContain(DISCLAIMER);
  });
});

describe('Universal Actions', () => {
  it("answer a card's choice (adaptiveCard/action) as new messages and replace the card with the choice made", async () => {
    await send(message('personal', 'execute', 'is cranial good for headaches?'));
    const card = sent[0].activity.attachments?.[0].content as {
      version: string;
      actions: { type: string; verb: string; data: { choice: string } }[];
    };
    expect(card.version).toBe('1.5');
    expect(card.actions[0].type).toBe('Action.Execute');
    const choice = card.actions[0].data.choice;

    const response = await send(
      invoke('personal', 'execute', 'adaptiveCard/action', {
        action: { type: 'Action.Execute', verb: 'choose', data: { choice } },
        trigger: 'manual',
      }),
    );
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body) as {
      statusCode: number;
      type: string;
      value: { version: string; body: { text: string }[]; actions?: unknown };
    };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.value.version).toBe('1.5');
    expect(body.value.actions).toBeUndefined();
    expect(body.value.body[0].text).toContain(choice);
    expect(body.value.body.at(-1)!.text).toBe(DISCLAIMER);
    // The answer followed as a new message: about the therapy chosen, for headaches.
    expect(sent).toHaveLength(2);
    expect(replyText([sent[1].activity])).toMatch(/craniosacral/i);
    expect(replyText([sent[1].activity])).toContain(DISCLAIMER);
  });

  it('refuses an action it does not know with a 400 error response, and sends nothing', async () => {
    const response = await send(
      invoke('personal', 'execute-unknown', 'adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'delete', data: {} } }),
    );
    expect(JSON.parse(response.body)).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    expect(sent).toHaveLength(0);
  });
});

describe('channels and group chats', () => {
  it('in a channel, answers only when @mentioned, in the thread of the post', async () => {
    expect((await send(message('channel', '1701555000001', 'is craniosacral therapy safe in pregnancy?'))).status).toBe(200);
    expect(sent).toHaveLength(0);

    const post = message('channel', '1701555000002', 'is craniosacral therapy safe in pregnancy?', true);
    await send(post);
    expect(sent).toHaveLength(1);
    expect(sent[0].path).toContain(`/v3/conversations/19:channel@thread.tacv2;messageid=1701555000002/activities/${post.id}`);
    expect(sent[0].activity.replyToId).toBe(post.id);
    expect(replyText([sent[0].activity])).toMatch(/pregnan/i);

    // A card's button pressed in the channel (the 1.4 fallback's submit) is for the bot, mention or not.
    sent = [];
    const choice = { ...message('channel', '1701555000003', ''), value: { choice: 'What is craniosacral therapy?' } };
    await send(choice);
    expect(sent).toHaveLength(1);
    expect(replyText([sent[0].activity])).toMatch(/skull|spine/i);
  });

  it('in a group chat, welcomes in one short paragraph', async () => {
    const added = { ...fromTeams('groupChat', 'welcome'), type: 'conversationUpdate', membersAdded: [{ id: botAccount.id }] };
    await send(added);
    expect(sent).toHaveLength(1);
    const text = replyText([sent[0].activity]);
    expect(text).toMatch(/Mention me/);
    expect(text).not.toContain('how it is claimed to work'); // the personal welcome's long list
    expect(text).toContain(DISCLAIMER);
    // In personal chat the full welcome.
    sent = [];
    await send({ ...fromTeams('personal', 'welcome'), type: 'conversationUpdate', membersAdded: [{ id: botAccount.id }] });
    expect(replyText([sent[0].activity])).toContain('how it is claimed to work');
  });

  it('in a group chat, a request for a person never posts the transcript into the group', async () => {
    const question = 'does craniosacral therapy help my sciatica after the fall?';
    await send(message('groupChat', 'handoff', question));
    sent = [];
    await send(message('groupChat', 'handoff', 'I want to talk to a person'));
    expect(sent.length).toBeGreaterThan(0);
    const everything = JSON.stringify(sent.map((s) => s.activity));
    expect(everything).not.toContain('sciatica');
    const initiation = sent.find((s) => s.activity.type === 'event');
    if (initiation) expect(initiation.activity.attachments?.[0].content).toEqual({ activities: [] });

    // In a personal chat the handoff event carries the conversation, for the support desk's tools.
    sent = [];
    await send(message('personal', 'handoff', question));
    await send(message('personal', 'handoff', 'I want to talk to a person'));
    expect(JSON.stringify(sent.map((s) => s.activity))).toContain('sciatica');
  });
});
