import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('runs with no settings at all: port 3978 on loopback, anonymous', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3978, HOST: '127.0.0.1', MicrosoftAppType: 'MultiTenant', DATA_DIR: 'data' });
    expect(config.MicrosoftAppId).toBeUndefined();
  });

  it('treats empty values (as in a copied .env.example) as unset', () => {
    expect(loadConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '' }).MicrosoftAppId).toBeUndefined();
  });

  it('refuses a ticket webhook without its secret, and an agent hub without a bot identity', () => {
    expect(() => loadConfig({ HANDOFF_WEBHOOK_URL: 'https://tickets.example.org/h' })).toThrow(/HANDOFF_WEBHOOK_SECRET/);
    expect(() => loadConfig({ HANDOFF_TEAMS_CHANNEL: '19:hub@thread.tacv2' })).toThrow(/MicrosoftAppId/);
    expect(() => loadConfig({ SUPPORT_EMAIL: 'not an address' })).toThrow(/SUPPORT_EMAIL/);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ MicrosoftAppType: 'Everyone' }, /MicrosoftAppType/],
    [{ MicrosoftAppType: 'SingleTenant', MicrosoftAppId: 'id', MicrosoftAppPassword: 'p' }, /MicrosoftAppTenantId/],
    [{ MicrosoftAppType: 'SingleTenant', MicrosoftAppId: 'id', MicrosoftAppTenantId: 't' }, /MicrosoftAppPassword/],
    [{ MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppId/],
    [{ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: 'id' }, /MicrosoftAppTenantId/],
    [
      { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: 'id', MicrosoftAppTenantId: 't', MicrosoftAppPassword: 'p' },
      /MicrosoftAppPassword/,
    ],
    [{ STATE_STORAGE: 'blob' }, /AZURE_STORAGE_CONNECTION_STRING/],
    [{ MAX_BODY_BYTES: '10' }, /MAX_BODY_BYTES/],
  ])('rejects %j naming the setting', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
