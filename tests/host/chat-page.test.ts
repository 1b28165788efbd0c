import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/host/server';
import { startBot } from '../helpers/bot-server';

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

  it('is off when WEB_CHAT_PAGE=false, as in production', async () => {
    server = await startBot({ WEB_CHAT_PAGE: 'false' });
    expect((await fetch(`${server.url}/`)).status).toBe(404);
    expect((await fetch(`${server.url}/chat/webchat.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
