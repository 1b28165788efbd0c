// Builds the bot's parts from settings and validated knowledge; shared by index.ts and the tests.
import { ConversationState, MemoryStorage, type CloudAdapter, type Storage } from 'botbuilder';
import type { Config } from './config';
import type { Logger } from './logger';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import { createAdapter } from './adapter';
import { Conversation } from './conversation';
import { TherapyBot } from './bot';
import { LogFeedbackRecorder } from './feedback';
import { ResilientStorage } from './state/resilient-storage';

export interface BotParts {
  adapter: CloudAdapter;
  bot: TherapyBot;
  storage: ResilientStorage;
}

/** `storage` defaults to in-memory state; tests pass their own to simulate failures. */
export function createBotParts(config: Config, logger: Logger, knowledge: KnowledgeBase, storage: Storage = new MemoryStorage()): BotParts {
  const adapter = createAdapter(config, logger, knowledge.replies.disclaimer);
  const resilient = new ResilientStorage(storage, logger);
  const bot = new TherapyBot({
    conversation: new Conversation(knowledge),
    conversationState: new ConversationState(resilient),
    feedback: new LogFeedbackRecorder(logger),
    handoffAfterFailures: config.HANDOFF_AFTER_FAILURES,
  });
  return { adapter, bot, storage: resilient };
}
