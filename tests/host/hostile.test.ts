// Hostile input: each request gets a polite reply or a 4xx within 100 ms, and the process keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import type { RunningServer } from '../../src/host/server';
import { messageActivity, post, replyText, shippedKnowledge, startBot } from '../helpers/bot-server';

let server: RunningServer;
beforeAll(async () => {
  server = await startBot();
  await post(server.url, messageActivity('warm up'));
});
afterAll(async () => {
  await server.close();
});

const BUDGET_MS = 100;

/**
 * Sends the body and measures the answer; the fastest of three tries is kept, so a test worker that
 * the rest of the suite is slowing down does not make the bound fail. A slow path fails every try.
 */
async function timed(body: string): Promise<{ status: number; text: string; ms: number }> {
  let fastest: { status: number; text: string; ms: number } | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = performance.now();
    const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await res.text();
    const result = { status: res.status, text, ms: performance.now() - started };
    if (!fastest || result.ms < fastest.ms) fastest = result;
    if (fastest.ms < BUDGET_MS) break;
  }
  return fastest!;
}

const message = (text: string) => JSON.stringify(messageActivity(text));

const hostile: [string, string][] = [
  ['HTML and script', message('<script>alert(document.cookie)</script><img src=x onerror=alert(1)> is CST safe?')],
  ['markdown injection', message('[click me](javascript:alert(1)) ![x](http://evil.test/x.png) **CST** `code` # heading')],
  ['control characters', message('is CST safe\u0000\u0007\u001b[31m\u0008\u007f?')],
  ['right-to-left and zero-width characters', message('\u202eis CST\u200b safe\u200d\u2066 in pregnancy?\u202c')],
  ['100 KB of text', message(`does CST help migraines ${'ha '.repeat(34_000)}`)],
  ['regex-backtracking shapes', message(`${'a'.repeat(50_000)}! ${'aaaa@'.repeat(5000)} ${'1 '.repeat(10_000)}x`)],
  [
    'deeply nested JSON',
    JSON.stringify({ ...messageActivity('hi') }).replace(/}$/, `,"value":${'['.repeat(50_000)}${']'.repeat(50_000)}}`),
  ],
  [
    '__proto__ keys',
    JSON.stringify({ ...messageActivity('is CST safe?') }).replace(
      /}$/,
      ',"__proto__":{"polluted":true},"channelData":{"__proto__":{"polluted":true}}}',
    ),
  ],
  ['an emoji flood', message('🙂'.repeat(20_000))],
  ['a non-string text', JSON.stringify({ ...messageActivity('x'), text: { nested: ['CST'] } })],
];

describe('hostile input', () => {
  it.each(hostile)('%s gets a polite reply or a 4xx within 100 ms', async (_name, body) => {
    const { status, text, ms } = await timed(body);
    if (status === 200) expect(text).toContain(shippedKnowledge().replies.disclaimer.slice(0, 40));
    else expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(text).not.toMatch(/<script|onerror=|javascript:|\bat .*\.(js|ts):\d+/);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('leaves no prototype pollution behind', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps serving afterwards', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const { status, activities } = await post(server.url, messageActivity('does CST help neck pain?'));
    expect(status).toBe(200);
    expect(replyText(activities)).toMatch(/Neck pain/);
  });
});
