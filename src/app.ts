// Builds the bot's parts from settings and validated knowledge; shared by index.ts and the tests.
import { ConversationState, type CloudAdapter, type Storage } from 'botbuilder';
import type { Config } from './config';
import type { Logger } from './logger';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import { createAdapter } from './adapter';
import { Conversation } from './conversation';
import { TherapyBot } from './bot';
import { LogFeedbackRecorder, type FeedbackRecorder } from './feedback';
import { BotMetrics } from './metrics';
import { ResilientStorage } from './state/resilient-storage';
import { createStorage } from './state/create-storage';
import type { Readiness } from './server';

export interface BotParts {
  adapter: CloudAdapter;
  bot: TherapyBot;
  storage: ResilientStorage;
  /** For /readyz: the state storage's health. */
  readiness: () => Readiness;
  /** For /metrics, when metrics are on. */
  metrics?: BotMetrics;
}

/** `storage` comes from the settings; tests may pass their own to simulate failures. */
export function createBotParts(config: Config, logger: Logger, knowledge: KnowledgeBase, storage: Storage = createStorage(config)): BotParts {
  const adapter = createAdapter(config, logger, knowledge.replies.disclaimer);
  const resilient = new ResilientStorage(storage, logger);
  const metrics = config.METRICS_ENABLED ? new BotMetrics() : undefined;
  const log = new LogFeedbackRecorder(logger);
  const feedback: FeedbackRecorder = {
    record: (event) => {
      log.record(event);
      metrics?.observeFeedback(event);
    },
  };
  const bot = new TherapyBot({
    conversation: new Conversation(knowledge),
    conversationState: new ConversationState(resilient),
    feedback,
    handoffAfterFailures: config.HANDOFF_AFTER_FAILURES,
  });
  const readiness = (): Readiness => {
    const healthy = resilient.isHealthy();
    return { ready: healthy, checks: { storage: healthy ? 'ok' : 'failing' } };
  };
  return { adapter, bot, storage: resilient, readiness, metrics };
}
