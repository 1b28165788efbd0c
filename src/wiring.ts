// Builds the bot's parts from settings and validated knowledge; shared by index.ts and the tests.
import { type BotTelemetryClient, type Storage } from 'botbuilder';
import type { Config } from './config';
import { createLogger, type Logger } from './observability/logger';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import type { Language, Replies } from './knowledge/schema';
import { loadLanguageGuesser, type LanguageGuesser } from './understanding/language';
import { isEnglishWord } from './text/english';
import { createAdapter, type BotAdapter } from './host/adapter';
import { QuestionAnswering, type SupportDesk } from './question-answering';
import { WebhookReceiver } from './handoff/webhook';
import { therapyList } from './answers/wording';
import { TherapyBot } from './bot/therapy-bot';
import type { FeedbackListener } from './observability/feedback';
import { BotMetrics } from './observability/metrics';
import { TelemetryReporter } from './observability/telemetry';
import { TurnLog } from './observability/turn-log';
import { TurnListeners, type TurnListener } from './observability/turn-record';
import { ResilientStorage } from './state/resilient-storage';
import { createStorage } from './state/create-storage';
import { limitsFrom, type Readiness, type ServerOptions } from './host/server';
import { DirectLineTokens } from './host/direct-line-tokens';

/** The longest a token request waits for Direct Line: a page waits for it before the chat opens. */
const DIRECT_LINE_TIMEOUT_MS = 5000;

export interface BotParts {
  adapter: BotAdapter;
  bot: TherapyBot;
  storage: ResilientStorage;
  /** For /readyz: the state storage's health. */
  readiness: () => Readiness;
  /** For /metrics, when metrics are on. */
  metrics?: BotMetrics;
  /** What people are told when a message is refused (429, 503). */
  refusals: (language: Language) => Replies['refusals'];
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
  languages?: LanguageGuesser,
): BotParts {
  const metrics = config.METRICS_ENABLED ? new BotMetrics() : undefined;
  const listeners: TurnListener[] = [new TurnLog(logger)];
  if (metrics) listeners.push(metrics);
  if (telemetry) listeners.push(new TelemetryReporter(telemetry));
  const turns = new TurnListeners(listeners);

  const adapter = createAdapter(config, logger, (language) => knowledge.inLanguage(language).replies, turns, telemetry);
  const resilient = new ResilientStorage(storage, logger);
  const bot = createBot(config, knowledge, resilient, turns, logger, languages);
  const readiness = (): Readiness => {
    const healthy = resilient.isHealthy();
    return { ready: healthy, checks: { storage: healthy ? 'ok' : 'failing' } };
  };
  return { adapter, bot, storage: resilient, readiness, metrics, refusals: (language) => knowledge.inLanguage(language).replies.refusals };
}

/** The bot as the settings make it; the tests that drive it through botbuilder's TestAdapter build it here too. */
export function createBot(
  config: Config,
  knowledge: KnowledgeBase,
  storage: Storage,
  feedback: FeedbackListener,
  logger: Logger = createLogger('silent'),
  languages?: LanguageGuesser,
): TherapyBot {
  const webhook =
    config.HANDOFF_WEBHOOK_URL && config.HANDOFF_WEBHOOK_SECRET
      ? new WebhookReceiver({
          url: config.HANDOFF_WEBHOOK_URL,
          secret: config.HANDOFF_WEBHOOK_SECRET,
          timeoutMs: config.HANDOFF_WEBHOOK_TIMEOUT_MS,
          logger,
        })
      : undefined;
  return new TherapyBot({
    answering: new QuestionAnswering(knowledge, {
      cacheEntries: config.UNDERSTANDING_CACHE_ENTRIES,
      support: supportDesk(config),
      languages,
    }),
    storage,
    sharedStorage: config.STATE_STORAGE === 'blob',
    feedback,
    handoffAfterFailures: config.HANDOFF_AFTER_FAILURES,
    defaultRegion: config.DEFAULT_REGION,
    handoffReceiver: webhook,
    agentHub:
      config.HANDOFF_TEAMS_CHANNEL && config.MicrosoftAppId
        ? {
            appId: config.MicrosoftAppId,
            channelId: config.HANDOFF_TEAMS_CHANNEL,
            serviceUrl: config.HANDOFF_TEAMS_SERVICE_URL,
            replies: (language) => knowledge.inLanguage(language).replies.handoff,
            therapies: (language) => therapyList(knowledge.inLanguage(language)),
            logger,
          }
        : undefined,
  });
}

/** Tells messages in languages the bot does not read (an ES module, loaded once, before the bot starts). */
let languagesLoading: Promise<LanguageGuesser> | undefined;
export function loadLanguages(): Promise<LanguageGuesser> {
  return (languagesLoading ??= loadLanguageGuesser(isEnglishWord));
}

/** What the settings offer people who ask for a person. */
export function supportDesk(config: Config): SupportDesk {
  return {
    receiver: config.HANDOFF_TEAMS_CHANNEL ? 'agents' : config.HANDOFF_WEBHOOK_URL ? 'ticket' : 'none',
    contact: {
      text: config.SUPPORT_CONTACT_TEXT,
      phone: config.SUPPORT_PHONE,
      email: config.SUPPORT_EMAIL,
      url: config.SUPPORT_URL,
      hours: config.SUPPORT_HOURS,
    },
    nextSteps: config.HANDOFF_NEXT_STEPS_TEXT,
  };
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
    embedOrigins: config.EMBED_ALLOWED_ORIGINS,
    readiness: parts.readiness,
    limits: limitsFrom(config),
    refusals: parts.refusals,
    metrics: parts.metrics && { metrics: parts.metrics, token: config.METRICS_TOKEN },
    directLine: {
      tokens: config.DIRECT_LINE_SECRET
        ? new DirectLineTokens({
            secret: config.DIRECT_LINE_SECRET,
            endpoint: config.DIRECT_LINE_ENDPOINT,
            trustedOrigins: config.EMBED_ALLOWED_ORIGINS,
            timeoutMs: DIRECT_LINE_TIMEOUT_MS,
          })
        : undefined,
      allowedOrigins: config.EMBED_ALLOWED_ORIGINS,
      limitPerClient: config.DIRECT_LINE_TOKEN_RATE_LIMIT,
      windowMs: config.RATE_LIMIT_WINDOW_MS,
    },
  };
}
