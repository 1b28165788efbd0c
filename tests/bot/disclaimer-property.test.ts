import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createBot } from '../../src/wiring';
import { DisclaimerMiddleware } from '../../src/bot/disclaimer';
import { shippedKnowledge } from '../helpers/bot-server';
import { channel, message } from '../helpers/generated';

const knowledge = shippedKnowledge();
const bot = createBot(loadConfig({}), knowledge, new MemoryStorage(), { feedbackGiven: () => undefined });
const disclaimer = knowledge.replies.disclaimer;

/** Every string of a reply a person could see. */
function visible(activity: Partial<Activity>): string {
  return JSON.stringify([activity.text ?? '', activity.attachments ?? []]);
}

async function replies(text: string, channelId: string): Promise<Partial<Activity>[]> {
  const adapter = new TestAdapter((context) => bot.run(context), { channelId, conversation: { id: 'c' } as never });
  adapter.use(new DisclaimerMiddleware(disclaimer));
  await adapter.send(text).startTest();
  return adapter.activeQueue.splice(0);
}

describe('every message a person reads carries the disclaimer', () => {
  it('holds for generated messages on every channel', async () => {
    await fc.assert(
      fc.asyncProperty(message, channel, async (text, channelId) => {
        const sent = await replies(text, channelId);
        const messages = sent.filter((a) => a.type === ActivityTypes.Message);
        expect(messages.length).toBeGreaterThan(0);
        for (const m of messages) expect(visible(m)).toContain(disclaimer);
      }),
      { numRuns: 300 },
    );
  });
});
