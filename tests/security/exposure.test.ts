// Issue 17, findings 7 and 8: what a deployment exposes. Typed words never become metric labels or log
// fields; channel labels are a closed set; /metrics needs a token once authentication is on; the bot refuses
// to serve anonymously beyond loopback unless told to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import type { RunningServer } from '../../src/host/server';
import { messageActivity, post, startBot } from '../helpers/bot-server';

describe('settings that would expose the bot (finding 8)', () => {
  it('refuses to serve beyond loopback, or as production, without an app identity', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/MicrosoftAppId: required when HOST is not loopback/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MicrosoftAppId/);
    expect(loadConfig({ HOST: '0.0.0.0', ALLOW_ANONYMOUS: 'true' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
  });

  it('keeps /metrics closed once authentication is on (finding 7)', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'app-id' })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({ MicrosoftAppId: 'app-id', METRICS_TOKEN: 'a-token' }).METRICS_TOKEN).toBe('a-token');
    expect(loadConfig({ MicrosoftAppId: 'app-id', METRICS_ENABLED: 'false' }).METRICS_ENABLED).toBe(false);
  });
});

describe('what the metrics and logs say about typed words (finding 7)', () => {
  let server: RunningServer;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await startBot({}, lines);
  });
  afterAll(() => server.close());

  it('counts a therapy name the person typed as "unlisted", and the directory names by name', async () => {
    await post(server.url, messageActivity('is marysmith1975 therapy safe?'));
    await post(server.url, messageActivity('is reiki safe?'));
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).not.toContain('marysmith1975');
    expect(metrics).toContain('bot_unknown_therapy_total{therapy="unlisted"} 1');
    expect(metrics).toMatch(/bot_unknown_therapy_total\{therapy="reiki"\} 1/);
    expect(lines.join('\n')).not.toContain('marysmith1975');
  });

  it('labels channels from a closed set', async () => {
    for (let i = 0; i < 5; i++) await post(server.url, messageActivity('hello', undefined, `made-up-channel-${i}`));
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).not.toContain('made-up-channel');
    expect(metrics).toMatch(/channel="other"/);
  });
});
