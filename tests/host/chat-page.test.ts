import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/host/server';
import { messageActivity, startBot } from '../helpers/bot-server';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('local chat page', () => {
  it('is served at / with a strict content security policy, Web Chat from the installed package', async () => {
    server = await startBot({ WEB_CHAT_PAGE: 'true' });
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await page.text();
    expect(html).toContain('/chat/webchat.js');
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await fetch(`${server.url}/chat/webchat.js`);
    expect(bundle.status).toBe(200);
    expect(Number((await bundle.arrayBuffer()).byteLength)).toBeGreaterThan(1_000_000);
    expect((await fetch(`${server.url}/chat/chat.js`)).status).toBe(200);
  });

  it('answers HEAD like GET without a body, and /favicon.ico with nothing rather than an error', async () => {
    server = await startBot({ WEB_CHAT_PAGE: 'true' });
    for (const path of ['/', '/chat/chat.js', '/chat/favicon.svg']) {
      const head = await fetch(`${server.url}${path}`, { method: 'HEAD' });
      expect(head.status, path).toBe(200);
      expect(await head.text()).toBe('');
      expect(head.headers.get('content-type')).toBe((await fetch(`${server.url}${path}`)).headers.get('content-type'));
    }
    expect((await fetch(`${server.url}/favicon.ico`)).status).toBe(204);
  });

  it('gives people a sentence when a message is refused, beside the machine-readable reason', async () => {
    server = await startBot({ RATE_LIMIT_PER_CONVERSATION: '1' });
    const send = () =>
      fetch(`${server!.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(messageActivity('hi', 'refused')),
      });
    expect((await send()).status).toBe(200);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({
      error: 'too many messages; please wait a moment',
      message: "You're sending messages faster than I can answer. Please wait a moment, then try again.",
    });
  });

  it('is off when WEB_CHAT_PAGE=false, as in production', async () => {
    server = await startBot({ WEB_CHAT_PAGE: 'false' });
    expect((await fetch(`${server.url}/`)).status).toBe(404);
    expect((await fetch(`${server.url}/chat/webchat.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
