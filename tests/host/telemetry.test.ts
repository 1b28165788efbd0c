import { afterEach, describe, expect, it } from 'vitest';
import type { BotTelemetryClient, TelemetryEvent } from 'botbuilder';
import type { RunningServer } from '../../src/host/server';
import { FEEDBACK_EVENT, TURN_EVENT } from '../../src/observability/telemetry';
import { messageActivity, post, startBot } from '../helpers/bot-server';

/** Records what the bot would send to Application Insights; no network. */
class FakeTelemetryClient implements BotTelemetryClient {
  readonly events: TelemetryEvent[] = [];
  trackEvent(telemetry: TelemetryEvent): void {
    this.events.push(telemetry);
  }
  trackDependency(): void {}
  trackException(): void {}
  trackTrace(): void {}
  flush(): void {}
}

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('Application Insights telemetry', () => {
  it('tracks each turn and feedback with outcome, therapy and topics, and activities without text', async () => {
    const client = new FakeTelemetryClient();
    server = await startBot({}, undefined, client);
    const conversation = 'telemetry-conversation';
    await post(server.url, messageActivity('is craniosacral therapy safe for my anxious teenager?', conversation));
    await post(server.url, messageActivity('helpful', conversation));
    await post(server.url, messageActivity('is kava safe?', conversation));

    const turns = client.events.filter((e) => e.name === TURN_EVENT);
    expect(turns.map((e) => e.properties?.outcome)).toEqual(['answered', 'social', 'no-information']);
    expect(turns[0].properties).toMatchObject({ therapy: 'craniosacral-therapy', channel: 'emulator' });
    expect(turns[2].properties).toMatchObject({ kind: 'unknown-therapy', unknownTherapy: 'kava' });
    expect(typeof turns[0].metrics?.latencyMs).toBe('number');
    expect(client.events.find((e) => e.name === FEEDBACK_EVENT)?.properties).toMatchObject({
      rating: 'helpful',
      therapy: 'craniosacral-therapy',
    });
    expect(client.events.some((e) => e.name === 'BotMessageReceived')).toBe(true);
    expect(JSON.stringify(client.events)).not.toMatch(/anxious teenager|is kava safe/);
  });
});
