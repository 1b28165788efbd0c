// Builds the bot's parts from settings and validated knowledge; shared by index.ts and the tests.
import type { CloudAdapter } from 'botbuilder';
import type { Config } from './config';
import type { Logger } from './logger';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import { createAdapter } from './adapter';
import { Conversation } from './conversation';
import { TherapyBot } from './bot';

export interface BotParts {
  adapter: CloudAdapter;
  bot: TherapyBot;
}

export function createBotParts(config: Config, logger: Logger, knowledge: KnowledgeBase): BotParts {
  const adapter = createAdapter(config, logger, knowledge.replies.disclaimer);
  const bot = new TherapyBot(new Conversation(knowledge));
  return { adapter, bot };
}
