// Drives the real TherapyBot (dialogs, state, disclaimer middleware) through botbuilder's TestAdapter.
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createBot } from '../../src/wiring';
import type { FeedbackEvent } from '../../src/observability/feedback';
import { DisclaimerMiddleware } from '../../src/bot/disclaimer';
import { ResilientStorage } from '../../src/state/resilient-storage';
import { createLogger } from '../../src/observability/logger';
import { shippedKnowledge } from './bot-server';

export interface BotClient {
  /** Sends a message (or a partial activity) and returns every activity the bot sent back. */
  send(activity: string | Partial<Activity>): Promise<Partial<Activity>[]>;
  feedback: FeedbackEvent[];
}

/** `env`: settings as in production (the defaults unless given), e.g. HANDOFF_AFTER_FAILURES. */
export function botClient(options: { channelId?: string; storage?: Storage; env?: Record<string, string> } = {}): BotClient {
  const knowledge = shippedKnowledge();
  const feedback: FeedbackEvent[] = [];
  const storage = new ResilientStorage(options.storage ?? new MemoryStorage(), createLogger('silent'));
  const bot = createBot(loadConfig(options.env ?? {}), knowledge, storage, { feedbackGiven: (event) => feedback.push(event) });
  const adapter = new TestAdapter((context) => bot.run(context), {
    channelId: options.channelId ?? 'emulator',
    conversation: { id: `conversation-${Math.random()}` } as never,
  });
  adapter.use(new DisclaimerMiddleware(knowledge.replies.disclaimer));
  return {
    feedback,
    async send(activity) {
      const partial =
        typeof activity === 'string' ? { type: ActivityTypes.Message, text: activity } : { type: ActivityTypes.Message, ...activity };
      await adapter.send(partial).startTest();
      return adapter.activeQueue.splice(0);
    },
  };
}

/** Every string a person could see in the replies. */
export function visibleText(activities: Partial<Activity>[]): string {
  return activities.map((a) => JSON.stringify([a.text ?? '', a.attachments ?? [], a.suggestedActions ?? []])).join('\n');
}

/** The data of every card button in the replies. */
export function cardButtons(activities: Partial<Activity>[]): { title: string; data: Record<string, unknown> }[] {
  return activities.flatMap((a) =>
    (a.attachments ?? []).flatMap((att) => (att.content as { actions?: { title: string; data: Record<string, unknown> }[] }).actions ?? []),
  );
}
