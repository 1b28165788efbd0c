// The embed's starting context: a help page passes its topic, and the conversation starts about it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/host/server';
import { messageActivity, post, replyText, startBot } from '../helpers/bot-server';

let bot: RunningServer;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.close();
});

async function joinThenAsk(conversation: string, value: object | undefined, question: string) {
  const join = {
    ...messageActivity('', conversation),
    type: 'conversationUpdate',
    text: undefined,
    membersAdded: [{ id: 'user-1' }],
    value,
  };
  expect((await post(bot.url, join)).status).toBe(200);
  return replyText((await post(bot.url, messageActivity(question, conversation))).activities);
}

describe("the embed's starting context", () => {
  it("makes the first question about the page's therapy", async () => {
    const reply = await joinThenAsk('start-cst', { context: 'craniosacral therapy' }, 'is it safe in pregnancy?');
    expect(reply).toMatch(/Pregnancy and breast-feeding/);
    expect(reply).not.toMatch(/Which therapy do you mean/);
  });

  it('is nothing without a context, or with one that names no therapy for sure', async () => {
    for (const value of [undefined, { context: 'our opening hours' }, { context: 42 }]) {
      const reply = await joinThenAsk(`start-${JSON.stringify(value)}`, value, 'is it safe in pregnancy?');
      expect(reply).toMatch(/Which therapy do you mean/);
    }
  });
});
