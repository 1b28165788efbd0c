import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/host/server';
import { messageActivity, post, replyText, shippedKnowledge, startBot } from '../helpers/bot-server';

let server: RunningServer;
beforeAll(async () => {
  server = await startBot();
});
afterAll(async () => {
  await server.close();
});

describe('POST /api/messages with expectReplies', () => {
  it('answers "what is craniosacral therapy?" from the monograph, with the disclaimer', async () => {
    const { status, activities } = await post(server.url, messageActivity('what is craniosacral therapy?'));
    expect(status).toBe(200);
    expect(activities).toHaveLength(1);
    const text = replyText(activities);
    const cst = shippedKnowledge().monograph('craniosacral-therapy')!;
    for (const fact of cst.overview) expect(text).toContain(fact.text);
    expect(text).toMatch(/skull/);
    expect(text).toMatch(/spine/);
    expect(text).toContain(shippedKnowledge().replies.disclaimer);
  });

  it('finds the therapy by another name and spelling', async () => {
    const { activities } = await post(server.url, messageActivity('Tell me about cranio-sacral therapy'));
    expect(replyText(activities)).toMatch(/John Upledger/);
  });

  it('greets, says what it covers and offers example questions', async () => {
    const { activities } = await post(server.url, messageActivity('hello'));
    expect(replyText(activities)).toMatch(/craniosacral therapy/);
    expect(activities[0].suggestedActions?.actions.length).toBeGreaterThan(0);
    expect(replyText(activities)).toContain(shippedKnowledge().replies.disclaimer);
  });

  it('answers help with what the bot covers', async () => {
    const { activities } = await post(server.url, messageActivity('What can you do?'));
    expect(replyText(activities)).toMatch(/natural therapies/);
    expect(replyText(activities)).toContain(shippedKnowledge().replies.disclaimer);
  });

  it('says what it covers when a message is not about therapies, and still adds the disclaimer', async () => {
    const { status, activities } = await post(server.url, messageActivity('asdf qwerty'));
    expect(status).toBe(200);
    expect(replyText(activities)).toMatch(/can only help with questions about natural therapies/);
    expect(replyText(activities)).toContain(shippedKnowledge().replies.disclaimer);
  });

  it('welcomes a user who joins, but not the bot itself', async () => {
    const update = (members: { id: string }[]) => ({
      ...messageActivity(''),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: members,
    });
    const userJoined = await post(server.url, update([{ id: 'user-1' }]));
    expect(userJoined.status).toBe(200);
    expect(replyText(userJoined.activities)).toMatch(/natural therapies/);
    const botJoined = await post(server.url, update([{ id: 'bot-1' }]));
    expect(botJoined.activities).toHaveLength(0);
  });
});

describe('hostile and oversized messages', () => {
  it('answers a 100 KB message promptly, with the disclaimer', { timeout: 3000 }, async () => {
    const text = `is CST safe? ${'and I also wanted to say '.repeat(4200)}`;
    expect(text.length).toBeGreaterThan(100_000);
    const { status, activities } = await post(server.url, messageActivity(text));
    expect(status).toBe(200);
    expect(replyText(activities)).toContain(shippedKnowledge().replies.disclaimer);
  });

  it('never sends markup from the message back', async () => {
    const { activities } = await post(server.url, messageActivity('<img src=x onerror=alert(1)> is CST safe?'));
    expect(replyText(activities)).not.toMatch(/<img|onerror/);
    expect(replyText(activities)).toMatch(/not enough reliable information/);
  });

  it("strips the bot's @mention in Teams before understanding", async () => {
    const activity = {
      ...messageActivity('<at>Therapy Bot</at> does CST help IBS?', undefined, 'msteams'),
      entities: [{ type: 'mention', mentioned: { id: 'bot-1', name: 'Therapy Bot' }, text: '<at>Therapy Bot</at>' }],
    };
    const { activities } = await post(server.url, activity);
    const text = replyText(activities);
    expect(text).toMatch(/Irritable bowel syndrome/);
    expect(text).not.toMatch(/<at>|Therapy Bot/);
  });
});

describe('health probes', () => {
  it('GET /healthz says the process is alive', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz says the knowledge is loaded', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ready', knowledge: 'loaded' });
  });
});

describe('several turns over HTTP', () => {
  it('remembers the therapy across turns of one conversation, and not across conversations', async () => {
    await post(server.url, messageActivity('tell me about craniosacral therapy', 'http-multi-1'));
    const followUp = await post(server.url, messageActivity('is it safe while breastfeeding?', 'http-multi-1'));
    expect(replyText(followUp.activities)).toMatch(/avoid it while pregnant or breast-feeding/);
    const other = await post(server.url, messageActivity('is it safe while breastfeeding?', 'http-multi-2'));
    expect(replyText(other.activities)).toMatch(/Which therapy do you mean/);
  });

  it('returns the handoff event in the response body', async () => {
    const { activities } = await post(server.url, messageActivity('talk to a human', 'http-handoff'));
    expect(activities.some((a) => a.type === 'event' && a.name === 'handoff.initiate')).toBe(true);
    expect(replyText(activities)).toContain(shippedKnowledge().replies.disclaimer);
  });
});
