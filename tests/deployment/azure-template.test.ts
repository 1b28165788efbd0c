// The Azure template (deployment/azure/main.json, ARM JSON) read as data: its parameters, the Web App's
// settings compared with what src/config.ts reads, the health check and the bot's channels and endpoint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

const root = join(__dirname, '..', '..');
const azureDir = join(root, 'deployment', 'azure');
const templateText = readFileSync(join(azureDir, 'main.json'), 'utf8');
const parameterFiles = ['parameters.example.json', 'parameters.msi.example.json'];

interface Resource {
  type: string;
  name: string;
  condition?: string;
  properties?: Record<string, unknown>;
}
interface Template {
  parameters: Record<string, { type: string; allowedValues?: unknown[]; defaultValue?: unknown }>;
  variables?: Record<string, unknown>;
  resources: Resource[];
  outputs?: Record<string, unknown>;
}
interface AppSetting {
  name: string;
  value: string;
}

const template = JSON.parse(templateText) as Template;

function resourcesOfType(type: string): Resource[] {
  return template.resources.filter((resource) => resource.type.toLowerCase() === type.toLowerCase());
}
function one(type: string): Resource {
  const found = resourcesOfType(type);
  expect(found, type).toHaveLength(1);
  return found[0];
}
const webApp = () => one('Microsoft.Web/sites');
const siteConfig = () => (webApp().properties as { siteConfig: Record<string, unknown> }).siteConfig;
const appSettings = () => siteConfig().appSettings as AppSetting[];
const settingsByName = () => new Map(appSettings().map((setting) => [setting.name, setting.value]));

/** Names referenced as fn('name') anywhere in a text. */
function referenced(text: string, fn: 'parameters' | 'variables'): Set<string> {
  return new Set([...text.matchAll(new RegExp(`\\b${fn}\\('([^']+)'\\)`, 'g'))].map((match) => match[1]));
}

/** The keys of ConfigSchema in src/config.ts: every setting the bot reads. */
function configSettingNames(): string[] {
  const source = readFileSync(join(root, 'src', 'config.ts'), 'utf8');
  const start = source.indexOf('const ConfigSchema = z.object({');
  expect(start, 'ConfigSchema in src/config.ts').toBeGreaterThan(-1);
  const body = source.slice(start, source.indexOf('\n});', start));
  return [...body.matchAll(/^ {2}([A-Za-z_][A-Za-z0-9_]*):/gm)].map((match) => match[1]);
}

// Every setting of src/config.ts falls in exactly one group, so a new setting makes this test fail until
// someone decides whether production must set it.
/** Production must set these (their defaults are for local use). */
const SET_IN_PRODUCTION = [
  'HOST', // default 127.0.0.1 would refuse App Service's front end
  'MicrosoftAppType',
  'MicrosoftAppId',
  'MicrosoftAppPassword', // SingleTenant: the client secret; UserAssignedMSI: empty
  'MicrosoftAppTenantId',
  'WEB_CHAT_PAGE', // false: the Web Chat channel and Teams replace the local page
  'STATE_STORAGE', // blob: state shared by every instance
  'AZURE_STORAGE_CONNECTION_STRING',
  'AZURE_STORAGE_CONTAINER',
  'LOG_LEVEL',
  'METRICS_ENABLED', // off unless a token is given: /metrics must not be public on the App Service host
  'METRICS_TOKEN',
  'APPLICATIONINSIGHTS_CONNECTION_STRING', // from the Application Insights resource when enabled, else empty
];
/** App Service sets PORT for the process itself. */
const SET_BY_PLATFORM = ['PORT'];
/** Production keeps the defaults (the app still reads them, so they can be overridden in the portal). */
const DEFAULT_IN_PRODUCTION = [
  'DATA_DIR',
  'SHUTDOWN_GRACE_MS',
  'MAX_BODY_BYTES',
  'RATE_LIMIT_PER_CONVERSATION',
  'RATE_LIMIT_PER_USER',
  'RATE_LIMIT_WINDOW_MS',
  'MAX_CONCURRENT_TURNS',
  'REQUEST_BODY_TIMEOUT_MS',
  'MAX_CONNECTIONS',
  'MEMORY_STATE_TTL_MS',
  'MEMORY_STATE_MAX_CONVERSATIONS',
  'MEMORY_STATE_MAX_BYTES',
  'LOG_MESSAGE_TEXT',
  'HANDOFF_AFTER_FAILURES',
  'DEFAULT_REGION',
  'UNDERSTANDING_CACHE_ENTRIES',
  // The organisation's own ways to reach a person (docs/handoff.md): optional, set in the portal.
  'SUPPORT_CONTACT_TEXT',
  'SUPPORT_PHONE',
  'SUPPORT_EMAIL',
  'SUPPORT_URL',
  'SUPPORT_HOURS',
  'HANDOFF_WEBHOOK_URL',
  'HANDOFF_WEBHOOK_SECRET',
  'HANDOFF_WEBHOOK_TIMEOUT_MS',
  'HANDOFF_NEXT_STEPS_TEXT',
  'HANDOFF_TEAMS_CHANNEL',
  'HANDOFF_TEAMS_SERVICE_URL',
  // The token server for pages that embed the chat through Direct Line: optional, set in the portal.
  'DIRECT_LINE_SECRET',
  'DIRECT_LINE_ENDPOINT',
  'EMBED_ALLOWED_ORIGINS',
  'DIRECT_LINE_TOKEN_RATE_LIMIT',
  'NODE_ENV', // App Service leaves it unset; the app identity is set anyway
  'ALLOW_ANONYMOUS', // never in production
];

/** The Web App's settings as the bot would see them, with ARM expressions replaced by sample values. */
function environmentFor(appType: 'SingleTenant' | 'UserAssignedMSI', logLevel = 'info'): Record<string, string> {
  const samples: Record<string, string> = {
    microsoftAppType: appType,
    microsoftAppId: '11111111-2222-3333-4444-555555555555',
    microsoftAppTenantId: '66666666-7777-8888-9999-000000000000',
    stateContainerName: String(template.parameters.stateContainerName.defaultValue),
    logLevel,
    metricsToken: 'a-metrics-token',
  };
  const env: Record<string, string> = {};
  for (const { name, value } of appSettings()) {
    if (!value.startsWith('[')) {
      env[name] = value;
      continue;
    }
    const direct = /^\[parameters\('([^']+)'\)\]$/.exec(value);
    if (direct) {
      expect(samples, `a sample value for parameter ${direct[1]}`).toHaveProperty(direct[1]);
      env[name] = samples[direct[1]];
    } else if (name === 'MicrosoftAppPassword') {
      env[name] = appType === 'SingleTenant' ? 'a-client-secret' : '';
    } else if (name === 'METRICS_ENABLED') {
      env[name] = 'true';
    } else if (name === 'AZURE_STORAGE_CONNECTION_STRING') {
      env[name] = 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=eA==;EndpointSuffix=core.windows.net';
    } else {
      env[name] = '';
    }
  }
  return env;
}

describe('Azure template (deployment/azure/main.json)', () => {
  it('is a valid ARM deployment template', () => {
    expect(() => JSON.parse(templateText)).not.toThrow();
    expect((template as unknown as Record<string, string>).$schema).toMatch(/deploymentTemplate\.json#$/);
    expect(template.resources.length).toBeGreaterThan(0);
  });

  it('declares every parameter it uses and uses every parameter it declares', () => {
    const declared = new Set(Object.keys(template.parameters));
    const used = referenced(templateText, 'parameters');
    expect([...used].filter((name) => !declared.has(name))).toEqual([]);
    expect([...declared].filter((name) => !used.has(name))).toEqual([]);
  });

  it('declares every variable it uses and uses every variable it declares', () => {
    const declared = new Set(Object.keys(template.variables ?? {}));
    const used = referenced(templateText, 'variables');
    expect([...used].filter((name) => !declared.has(name))).toEqual([]);
    expect([...declared].filter((name) => !used.has(name))).toEqual([]);
  });

  it.each(parameterFiles)('%s is valid JSON naming only declared parameters, and every required one', (file) => {
    const parameters = (JSON.parse(readFileSync(join(azureDir, file), 'utf8')) as { parameters: Record<string, unknown> }).parameters;
    const declared = Object.keys(template.parameters);
    expect(Object.keys(parameters).filter((name) => !declared.includes(name))).toEqual([]);
    const required = declared.filter((name) => !('defaultValue' in template.parameters[name]));
    expect(required.filter((name) => !(name in parameters))).toEqual([]);
  });

  it('chooses the identity by a parameter: SingleTenant or UserAssignedMSI, the secret as a secure string', () => {
    expect(template.parameters.microsoftAppType.allowedValues).toEqual(['SingleTenant', 'UserAssignedMSI']);
    expect(template.parameters.microsoftAppPassword.type).toBe('securestring');
    const bot = one('Microsoft.BotService/botServices').properties ?? {};
    expect(bot.msaAppType).toBe("[parameters('microsoftAppType')]");
    expect(bot.msaAppId).toBe("[parameters('microsoftAppId')]");
    expect(bot.msaAppTenantId).toBe("[parameters('microsoftAppTenantId')]");
    expect(String(bot.msaAppMSIResourceId)).toContain("parameters('userAssignedIdentityResourceId')");
    expect(settingsByName().get('MicrosoftAppPassword')).toContain("parameters('microsoftAppPassword')");
  });

  it('runs a Linux Web App on Node 20 with the health check on /healthz', () => {
    expect(one('Microsoft.Web/serverfarms').properties).toMatchObject({ reserved: true });
    expect(siteConfig().linuxFxVersion).toBe('NODE|20-lts');
    expect(siteConfig().healthCheckPath).toBe('/healthz');
    expect(webApp().properties).toMatchObject({ httpsOnly: true });
  });

  it('sorts every setting src/config.ts reads into exactly one group', () => {
    const names = configSettingNames();
    expect(names).toContain('PORT');
    // The text parse found at least every setting that has a default.
    expect(names).toEqual(expect.arrayContaining(Object.keys(loadConfig({}))));
    const groups = [...SET_IN_PRODUCTION, ...SET_BY_PLATFORM, ...DEFAULT_IN_PRODUCTION];
    expect(new Set(groups).size).toBe(groups.length);
    expect([...groups].sort()).toEqual([...names].sort());
  });

  it('sets every setting production needs in the Web App', () => {
    const settings = settingsByName();
    expect(SET_IN_PRODUCTION.filter((name) => !settings.has(name))).toEqual([]);
    expect(appSettings().length).toBe(settings.size); // no setting twice
    expect(settings.get('HOST')).toBe('0.0.0.0');
    expect(settings.get('WEB_CHAT_PAGE')).toBe('false');
    expect(settings.get('STATE_STORAGE')).toBe('blob');
    expect(settings.get('AZURE_STORAGE_CONTAINER')).toBe("[parameters('stateContainerName')]");
    expect(settings.get('LOG_LEVEL')).toBe("[parameters('logLevel')]");
    expect(settings.get('METRICS_ENABLED')).toBe("[if(empty(parameters('metricsToken')), 'false', 'true')]");
    expect(settings.get('METRICS_TOKEN')).toBe("[parameters('metricsToken')]");
    expect(template.parameters.metricsToken.type).toBe('securestring');
    // PORT is App Service's: a fixed PORT here would fight the platform's.
    expect(settings.has('PORT')).toBe(false);
  });

  it('builds the storage connection string from the storage account in the template, with its blob container', () => {
    const connection = settingsByName().get('AZURE_STORAGE_CONNECTION_STRING') ?? '';
    expect(connection).toContain("listKeys(variables('storageId')");
    expect(String(template.variables?.storageId)).toContain("parameters('storageAccountName')");
    expect(connection).toContain('AccountName=');
    one('Microsoft.Storage/storageAccounts');
    const container = one('Microsoft.Storage/storageAccounts/blobServices/containers');
    expect(container.name).toContain("parameters('stateContainerName')");
    expect(container.properties).toMatchObject({ publicAccess: 'None' });
  });

  it.each(['SingleTenant', 'UserAssignedMSI'] as const)('gives the bot a configuration it accepts at start-up (%s)', (appType) => {
    const config = loadConfig(environmentFor(appType));
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.WEB_CHAT_PAGE).toBe(false);
    expect(config.STATE_STORAGE).toBe('blob');
    expect(config.MicrosoftAppType).toBe(appType);
  });

  it('offers only log levels the bot accepts', () => {
    for (const level of template.parameters.logLevel.allowedValues as string[]) {
      expect(() => loadConfig(environmentFor('SingleTenant', level)), level).not.toThrow();
    }
  });

  it('points the bot at https://<web app>/api/messages', () => {
    const bot = one('Microsoft.BotService/botServices');
    const endpoint = String(bot.properties?.endpoint);
    const resolved = endpoint.startsWith("[variables('") ? String(template.variables?.[endpoint.slice(12, -3)]) : endpoint;
    expect(resolved).toContain("parameters('webAppName')");
    expect(resolved).toMatch(/^\[concat\('https:\/\/'/);
    expect(resolved).toMatch(/\/api\/messages'\)\]$/);
  });

  it('turns on the Teams and Direct Line channels', () => {
    const channels = resourcesOfType('Microsoft.BotService/botServices/channels').map((channel) => channel.properties as { channelName: string; properties: Record<string, unknown> });
    const names = channels.map((channel) => channel.channelName);
    expect(names).toEqual(expect.arrayContaining(['MsTeamsChannel', 'DirectLineChannel']));
    expect(channels.find((channel) => channel.channelName === 'MsTeamsChannel')?.properties.isEnabled).toBe(true);
    const sites = channels.find((channel) => channel.channelName === 'DirectLineChannel')?.properties.sites as { isEnabled: boolean; isV3Enabled: boolean }[];
    expect(sites.some((site) => site.isEnabled && site.isV3Enabled)).toBe(true);
  });

  it('creates Application Insights only when enableAppInsights is true', () => {
    expect(template.parameters.enableAppInsights).toMatchObject({ type: 'bool', defaultValue: false });
    expect(one('Microsoft.Insights/components').condition).toBe("[parameters('enableAppInsights')]");
    expect(settingsByName().get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toMatch(/^\[if\(parameters\('enableAppInsights'\)/);
  });
});
