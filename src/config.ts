// Every setting the bot reads, with its default, parsed once at start-up. Nothing else reads process.env
// or holds a default for a setting.
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .default(fallback)
    .transform((value) => ['true', '1', 'yes'].includes(value));
/** An http(s) address. */
const webAddress = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });
/** A site's origin ("https://help.example.org"): https, or http on this machine for testing; no path. */
const origin = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
      return url.origin === value.replace(/\/$/, '') && (url.protocol === 'https:' || (url.protocol === 'http:' && local));
    } catch {
      return false;
    }
  }, 'must be origins such as https://help.example.org (https, no path; http only for localhost)')
  .transform((value) => value.replace(/\/$/, ''));
const originList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(z.array(origin));
const count = (min: number, max: number, fallback: number) =>
  z.coerce.number().int('must be a whole number').min(min).max(max).default(fallback);

const ConfigSchema = z.object({
  PORT: z.coerce.number().int('must be a whole number').min(0).max(65535).default(3978),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** "production" counts as a deployment even on loopback (behind a proxy): it then needs an app identity. */
  NODE_ENV: optionalText,
  /** Serve anyone without Bot Framework authentication beyond loopback: for a demo, never with real users. */
  ALLOW_ANONYMOUS: flag('false'),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().trim().min(1).default('data'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  WEB_CHAT_PAGE: flag('true'),
  /** Largest request body accepted on /api/messages, in bytes. */
  MAX_BODY_BYTES: count(1024, 10 * 1024 * 1024, 256 * 1024),
  /** Turns allowed per conversation and per user id within RATE_LIMIT_WINDOW_MS (0 = no limit). */
  RATE_LIMIT_PER_CONVERSATION: count(0, 100_000, 30),
  RATE_LIMIT_PER_USER: count(0, 1_000_000, 6000),
  RATE_LIMIT_WINDOW_MS: count(1000, 3_600_000, 60_000),
  /** Turns in progress at once in one process; more are shed with 503 and Retry-After. */
  MAX_CONCURRENT_TURNS: count(1, 100_000, 256),
  /** The longest a request body may take to arrive before 408 (a client trickling bytes holds a connection). */
  REQUEST_BODY_TIMEOUT_MS: count(100, 120_000, 10_000),
  /** Open connections at once; more are refused. */
  MAX_CONNECTIONS: count(1, 1_000_000, 1024),
  /** Where conversation state lives: in this process (memory) or in Azure Blob Storage (blob, for scale-out). */
  STATE_STORAGE: z.enum(['memory', 'blob']).default('memory'),
  /** In-memory state: idle conversations expire after this long, and at most this many are kept, in at most so many bytes. */
  MEMORY_STATE_TTL_MS: count(1000, 7 * 24 * 3_600_000, 60 * 60 * 1000),
  MEMORY_STATE_MAX_CONVERSATIONS: count(1, 10_000_000, 20_000),
  MEMORY_STATE_MAX_BYTES: count(1024 * 1024, 64 * 1024 ** 3, 256 * 1024 * 1024),
  AZURE_STORAGE_CONNECTION_STRING: optionalText,
  AZURE_STORAGE_CONTAINER: z
    .string()
    .trim()
    .regex(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/, 'must be a valid blob container name')
    .default('bot-state'),
  /** Log message text (emails and phone numbers redacted). Off by default: messages may hold health information. */
  LOG_MESSAGE_TEXT: flag('false'),
  /** Serve Prometheus metrics at /metrics; with METRICS_TOKEN set, only to "Authorization: Bearer <token>". */
  METRICS_ENABLED: flag('true'),
  METRICS_TOKEN: optionalText,
  /** Application Insights: when set, turns, feedback and activities (without personal data) are sent there. */
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
  HANDOFF_AFTER_FAILURES: z.coerce.number().int().min(0).max(100).default(3),
  /** The Direct Line channel's secret: with it, /api/directline/token hands out conversation tokens. Server-side only. */
  DIRECT_LINE_SECRET: optionalText,
  /** The Direct Line service: the global one, or a regional or government cloud's. */
  DIRECT_LINE_ENDPOINT: optionalText.pipe(webAddress.optional()).transform((value) => value ?? 'https://directline.botframework.com'),
  /** Sites that may embed the chat and get tokens (CORS and Direct Line's trusted origins), comma-separated. */
  EMBED_ALLOWED_ORIGINS: originList,
  /** Tokens one client address may get (or refresh) within RATE_LIMIT_WINDOW_MS (0 = no limit). */
  DIRECT_LINE_TOKEN_RATE_LIMIT: count(0, 100_000, 20),
  /** The region (ISO 3166-1 alpha-2) whose emergency numbers are given when a message's locale names none. */
  DEFAULT_REGION: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z]{2}$/, { message: 'must be a two-letter region such as GB or US' })
      .transform((region) => region.toUpperCase())
      .optional(),
  ),
  /** How a person reaches the support desk, offered when someone asks for a person (all optional). */
  SUPPORT_CONTACT_TEXT: optionalText,
  SUPPORT_PHONE: optionalText,
  SUPPORT_EMAIL: optionalText.pipe(z.email({ message: 'must be an email address' }).optional()),
  SUPPORT_URL: optionalText.pipe(webAddress.optional()),
  SUPPORT_HOURS: optionalText,
  /** A ticket webhook: each request for a person is POSTed there, signed with HANDOFF_WEBHOOK_SECRET. */
  HANDOFF_WEBHOOK_URL: optionalText.pipe(webAddress.optional()),
  HANDOFF_WEBHOOK_SECRET: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  /** The longest a handoff waits for the webhook, retries included: the channel waits about 15 s for a reply. */
  HANDOFF_WEBHOOK_TIMEOUT_MS: count(1000, 14_000, 8000),
  /** What happens next once the webhook accepted a request ("we'll email you within one working day"). */
  HANDOFF_NEXT_STEPS_TEXT: optionalText,
  /** An agent hub: a Teams channel (where the bot is installed) that gets each request as a new thread. */
  HANDOFF_TEAMS_CHANNEL: optionalText,
  /** The Bot Connector address of that team's Teams service (its region's; the global one by default). */
  HANDOFF_TEAMS_SERVICE_URL: webAddress.default('https://smba.trafficmanager.net/teams/'),
  /** Recent messages whose understanding is reused when repeated exactly (0 = off); 5,000 holds a support
   * desk's recurring questions in a few MB. */
  UNDERSTANDING_CACHE_ENTRIES: count(0, 1_000_000, 5000),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Every setting's name, for the documentation checks. */
export const SETTING_NAMES = Object.keys(ConfigSchema.shape) as (keyof Config)[];

export class ConfigError extends Error {}

/** Parses settings from an environment; throws ConfigError naming each wrong setting. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  if (config.STATE_STORAGE === 'blob' && !config.AZURE_STORAGE_CONNECTION_STRING) {
    throw new ConfigError('invalid configuration:\nAZURE_STORAGE_CONNECTION_STRING: required when STATE_STORAGE is blob');
  }
  if (config.HANDOFF_TEAMS_CHANNEL && !config.MicrosoftAppId) {
    throw new ConfigError('invalid configuration:\nMicrosoftAppId: required when HANDOFF_TEAMS_CHANNEL is set (the bot posts to Teams)');
  }
  // A token bound to no site could be used from any page: the embed needs its sites named.
  if (config.DIRECT_LINE_SECRET && config.EMBED_ALLOWED_ORIGINS.length === 0) {
    throw new ConfigError(
      'invalid configuration:\nEMBED_ALLOWED_ORIGINS: required when DIRECT_LINE_SECRET is set (the sites that may embed the chat)',
    );
  }
  if (config.HANDOFF_WEBHOOK_URL && !config.HANDOFF_WEBHOOK_SECRET) {
    throw new ConfigError('invalid configuration:\nHANDOFF_WEBHOOK_SECRET: required when HANDOFF_WEBHOOK_URL is set');
  }
  const identityProblems = identityProblemsOf(config);
  if (identityProblems.length > 0) throw new ConfigError(`invalid configuration:\n${identityProblems.join('\n')}`);
  if (servesBeyondThisMachine(config) && !config.MicrosoftAppId && !config.ALLOW_ANONYMOUS) {
    throw new ConfigError(
      'invalid configuration:\nMicrosoftAppId: required when HOST is not loopback or NODE_ENV is production: without it anyone can talk to the bot and read /metrics (set ALLOW_ANONYMOUS=true to allow it knowingly)',
    );
  }
  // /metrics counts what people ask: with authentication on (a real deployment) it needs its own token.
  if (config.MicrosoftAppId && config.METRICS_ENABLED && !config.METRICS_TOKEN) {
    throw new ConfigError(
      'invalid configuration:\nMETRICS_TOKEN: required when MicrosoftAppId is set and METRICS_ENABLED is true (or set METRICS_ENABLED=false)',
    );
  }
  return config;
}

/** Whether the bot is reachable from other machines, or deployed as production behind something that is. */
export function servesBeyondThisMachine(config: Config): boolean {
  return !['127.0.0.1', 'localhost', '::1'].includes(config.HOST) || config.NODE_ENV === 'production';
}

/**
 * The bot identity settings that go together (botbuilder would otherwise stop with a bare assertion):
 * SingleTenant needs an app id, a password and a tenant; UserAssignedMSI an app id and a tenant, and no password.
 */
function identityProblemsOf(config: Config): string[] {
  const type = config.MicrosoftAppType;
  const problems: string[] = [];
  if (type === 'MultiTenant') return problems;
  if (!config.MicrosoftAppId) problems.push(`MicrosoftAppId: required when MicrosoftAppType is ${type}`);
  if (!config.MicrosoftAppTenantId) problems.push(`MicrosoftAppTenantId: required when MicrosoftAppType is ${type}`);
  if (type === 'SingleTenant' && !config.MicrosoftAppPassword)
    problems.push('MicrosoftAppPassword: required when MicrosoftAppType is SingleTenant');
  if (type === 'UserAssignedMSI' && config.MicrosoftAppPassword)
    problems.push('MicrosoftAppPassword: must be empty when MicrosoftAppType is UserAssignedMSI');
  return problems;
}

/** The settings botbuilder's ConfigurationBotFrameworkAuthentication expects, by its own names. */
export function botAuthSettings(config: Config) {
  return {
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  };
}
