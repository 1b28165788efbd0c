// Builds the bot's parts from settings and validated knowledge; shared by index.ts and the tests.
import { type BotTelemetryClient, type CloudAdapter, type Storage } from 'botbuilder';
import type { Config } from './config';
import type { Logger } from './observability/logger';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import { createAdapter } from './host/adapter';
import { QuestionAnswering } from './question-answering';
import { TherapyBot } from './bot/therapy-bot';
import { LogFeedbackRecorder, type FeedbackRecorder } from './observability/feedback';
import { BotMetrics } from './observability/metrics';
import { TelemetryReporter } from './observability/telemetry';
import type { AnswerSummary } from './observability/turn-log';
import { ResilientStorage } from './state/resilient-storage';
import { createStorage } from './state/create-storage';
import { limitsFrom, type Readiness, type ServerOptions } from './host/server';

export interface BotParts {
  adapter: CloudAdapter;
  bot: TherapyBot;
  storage: ResilientStorage;
  /** For /readyz: the state storage's health. */
  readiness: () => Readiness;
  /** For /metrics, when metrics are on. */
  metrics?: BotMetrics;
  /** Called after every turn with what it answered: feeds metrics and telemetry. */
  observeTurn: (answers: AnswerSummary[], channel: string | undefined, seconds: number) => void;
}

/**
 * `storage` comes from the settings; tests may pass their own to simulate failures. `telemetry` is the
 * Application Insights client when configured (index.ts creates it), or a fake in tests.
 */
export function createBotParts(
  config: Config,
  logger: Logger,
  knowledge: KnowledgeBase,
  storage: Storage = createStorage(config),
  telemetry?: BotTelemetryClient,
): BotParts {
  const adapter = createAdapter(config, logger, knowledge.replies.disclaimer, telemetry);
  const reporter = telemetry ? new TelemetryReporter(telemetry) : undefined;
  const resilient = new ResilientStorage(storage, logger);
  const metrics = config.METRICS_ENABLED ? new BotMetrics() : undefined;
  const log = new LogFeedbackRecorder(logger);
  const feedback: FeedbackRecorder = {
    record: (event) => {
      log.record(event);
      metrics?.observeFeedback(event);
      reporter?.observeFeedback(event);
    },
  };
  const bot = createBot(config, knowledge, resilient, feedback);
  const readiness = (): Readiness => {
    const healthy = resilient.isHealthy();
    return { ready: healthy, checks: { storage: healthy ? 'ok' : 'failing' } };
  };
  const observeTurn = (answers: AnswerSummary[], channel: string | undefined, seconds: number) => {
    metrics?.observeTurn(answers, channel, seconds);
    reporter?.observeTurn(answers, channel, seconds);
  };
  return { adapter, bot, storage: resilient, readiness, metrics, observeTurn };
}

/** The bot as the settings make it; the tests that drive it through botbuilder's TestAdapter build it here too. */
export function createBot(config: Config, knowledge: KnowledgeBase, storage: Storage, feedback: FeedbackRecorder): TherapyBot {
  return new TherapyBot({
    answering: new QuestionAnswering(knowledge, { cacheEntries: config.UNDERSTANDING_CACHE_ENTRIES }),
    storage,
    sharedStorage: config.STATE_STORAGE === 'blob',
    feedback,
    handoffAfterFailures: config.HANDOFF_AFTER_FAILURES,
  });
}

/** Everything startServer needs, from the settings and the parts: index.ts and the tests use the same wiring. */
export function serverOptions(config: Config, logger: Logger, parts: BotParts): ServerOptions {
  return {
    host: config.HOST,
    port: config.PORT,
    adapter: parts.adapter,
    bot: parts.bot,
    logger,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    chatPage: config.WEB_CHAT_PAGE,
    readiness: parts.readiness,
    limits: limitsFrom(config),
    logMessageText: config.LOG_MESSAGE_TEXT,
    metrics: parts.metrics && { metrics: parts.metrics, token: config.METRICS_TOKEN },
    observeTurn: parts.observeTurn,
  };
}
