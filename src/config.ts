// Every setting the bot reads, parsed once at start-up. Nothing else reads process.env.
import { z } from 'zod';

export const DEFAULT_DATA_DIR = 'data';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const ConfigSchema = z.object({
  PORT: z.coerce.number().int('must be a whole number').min(0).max(65535).default(3978),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().trim().min(1).default(DEFAULT_DATA_DIR),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  WEB_CHAT_PAGE: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .default('true')
    .transform((value) => ['true', '1', 'yes'].includes(value)),
  HANDOFF_AFTER_FAILURES: z.coerce.number().int().min(0).max(100).default(3),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** Parses settings from an environment; throws ConfigError naming each wrong setting. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  if (config.MicrosoftAppType === 'SingleTenant' && config.MicrosoftAppId && !config.MicrosoftAppTenantId) {
    throw new ConfigError('invalid configuration:\nMicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant');
  }
  return config;
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
