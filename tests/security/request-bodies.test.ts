// Issue 17, findings 1, 3, 9, 10 and 14: what /api/messages accepts as a body. Only uncompressed JSON within
// MAX_BODY_BYTES reaches the bot; nothing a request sends is inflated past the limit or written to disk; an
// unauthenticated request cannot make the bot send anywhere but this machine.
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/host/server';
import { isLoopbackUrl } from '../../src/host/adapter';
import { messageActivity, startBot } from '../helpers/bot-server';

let server: RunningServer;
beforeAll(async () => {
  server = await startBot();
});
afterAll(() => server.close());

const post = (body: string | Buffer, headers: Record<string, string>) =>
  fetch(`${server.url}/api/messages`, { method: 'POST', headers, body });

describe('request bodies on /api/messages', () => {
  it('refuses a gzip body that would inflate past the limit, without inflating it (finding 1)', async () => {
    // 255 KB of gzip that inflates to 250 MiB of text.
    const bomb = gzipSync(Buffer.alloc(250 * 1024 * 1024, 'a'));
    expect(bomb.length).toBeLessThan(256 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const res = await post(bomb, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(res.status).toBe(415);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses any compressed body, even a small valid one', async () => {
    const res = await post(gzipSync(JSON.stringify(messageActivity('hi'))), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(res.status).toBe(415);
  });

  it('refuses multipart uploads with 415 and writes nothing to disk (finding 3)', async () => {
    const before = readdirSync(tmpdir()).length;
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(2 * 1024 * 1024, 'x')]), 'big.bin');
    const res = await fetch(`${server.url}/api/messages`, { method: 'POST', body: form });
    expect(res.status).toBe(415);
    expect(readdirSync(tmpdir()).length).toBeLessThanOrEqual(before);
  });

  it('refuses form-encoded bodies, so a web page cannot post an activity cross-site (finding 9)', async () => {
    const res = await post('type=message&text=hi&conversation[id]=c&serviceUrl=http://example.org', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    const plain = await post(JSON.stringify(messageActivity('hi')), { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
  });

  it('accepts JSON with a charset', async () => {
    const res = await post(JSON.stringify(messageActivity('hi')), { 'content-type': 'application/json; charset=utf-8' });
    expect(res.status).toBe(200);
  });

  it('refuses a body over the limit as it arrives, whatever length it declares', async () => {
    const big = JSON.stringify({ ...messageActivity('hi'), text: 'x'.repeat(300 * 1024) });
    expect((await post(big, { 'content-type': 'application/json' })).status).toBe(413);
  });

  it('without authentication, sends replies only to a loopback serviceUrl (finding 9)', async () => {
    // A reply in the body (expectReplies) goes nowhere else, whatever the serviceUrl says.
    const inBody = { ...messageActivity('hi'), serviceUrl: 'http://169.254.169.254/latest/' };
    expect((await post(JSON.stringify(inBody), { 'content-type': 'application/json' })).status).toBe(200);
    for (const serviceUrl of [
      'http://169.254.169.254/latest/',
      'https://attacker.example.test/',
      'http://127.0.0.1.attacker.test/',
      undefined,
    ]) {
      const { deliveryMode: _inBody, ...sent } = { ...messageActivity('hi'), serviceUrl };
      void _inBody;
      const res = await post(JSON.stringify(sent), { 'content-type': 'application/json' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/loopback serviceUrl/);
    }
    expect(isLoopbackUrl('http://localhost:3978/')).toBe(true);
    expect(isLoopbackUrl('http://[::1]:9/')).toBe(true);
    expect(isLoopbackUrl('http://127.0.0.1:9')).toBe(true);
  });

  it('answers 400, not a turn error, to an activity without channelId or recipient (finding 10)', async () => {
    const without = (field: 'channelId' | 'recipient') => {
      const activity: Partial<ReturnType<typeof messageActivity>> = messageActivity('hi');
      delete activity[field];
      return activity;
    };
    for (const activity of [without('channelId'), without('recipient')]) {
      const res = await post(JSON.stringify(activity), { 'content-type': 'application/json' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/channelId|recipient/);
    }
  });

  it('sends security headers on every response (finding 14)', async () => {
    for (const res of [
      await fetch(`${server.url}/healthz`),
      await fetch(`${server.url}/no-such-page`),
      await post(JSON.stringify(messageActivity('hi')), { 'content-type': 'application/json' }),
    ]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toBeNull(); // plain HTTP: HSTS means nothing here
    }
    const behindTls = await fetch(`${server.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(behindTls.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});
