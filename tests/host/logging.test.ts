import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/host/server';
import { messageActivity, post, startBot } from '../helpers/bot-server';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const turnLines = (lines: string[]) => lines.map((l) => JSON.parse(l)).filter((l) => l.event === 'turn');
const SECRET_QUESTION = 'my email is jane@example.com, is CST safe alongside my meds?';

describe('structured turn logs', () => {
  it('log outcome, therapy, topics, latency and a correlation id, and never the message text', async () => {
    const lines: string[] = [];
    server = await startBot({}, lines);
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageActivity(SECRET_QUESTION)),
    });
    expect(res.status).toBe(200);
    const [turn] = turnLines(lines);
    expect(turn).toMatchObject({ event: 'turn', channel: 'emulator', outcome: 'answered', therapy: 'craniosacral-therapy' });
    expect(turn.topics).toContain('safety');
    expect(turn.latencyMs).toBeGreaterThanOrEqual(0);
    expect(turn.correlationId).toBe(res.headers.get('x-correlation-id'));
    const everything = lines.join('\n');
    expect(everything).not.toMatch(/jane@example\.com|my meds|is CST safe/);
  });

  it('log the text only when LOG_MESSAGE_TEXT is on, with emails and phone numbers redacted', async () => {
    const lines: string[] = [];
    server = await startBot({ LOG_MESSAGE_TEXT: 'true' }, lines);
    await post(server.url, messageActivity(`${SECRET_QUESTION} call me on 07700 900123`));
    const [turn] = turnLines(lines);
    expect(turn.messageText).toContain('is CST safe');
    expect(turn.messageText).toContain('[email]');
    expect(turn.messageText).toContain('[phone]');
    expect(lines.join('\n')).not.toMatch(/jane@example\.com|07700 900123/);
  });

  it('record an unknown therapy as a content gap, by its resolved name', async () => {
    const lines: string[] = [];
    server = await startBot({}, lines);
    await post(server.url, messageActivity('Is kava safe?'));
    expect(turnLines(lines)[0]).toMatchObject({ outcome: 'no-information', kind: 'unknown-therapy', unknownTherapy: 'kava' });
  });
});
