// The embed on a help page, in real headless Chromium: a host page on a second loopback origin, with a strict
// Content-Security-Policy that allows only the bot's origin, includes /embed.js. Keyboard only: open the panel,
// ask, get the answer with the disclaimer (about the page's topic, its starting context), Escape closes and
// gives focus back, focus stays in the open panel, a reload continues the conversation. A site not on the list can neither frame the chat nor get a
// Direct Line token. Direct Line is a stand-in on loopback (tests/helpers/fake-direct-line.ts).
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../src/host/server';
import { startBot } from '../helpers/bot-server';
import { ARTIFACTS, chromiumAvailable, launchChromium } from '../helpers/chromium';
import { startFakeDirectLine, type FakeDirectLine } from '../helpers/fake-direct-line';

const TITLE = 'Ask about natural therapies';
const SECRET = 'dl-secret-for-the-embed-test-0123';

/** A help page on its own origin, allowing scripts, frames and requests from the bot's origin only (set once
 * the bot listens: the bot must know the page's origin before it starts). */
function hostPage(): Promise<{ server: Server; origin: string; bot: { url: string } }> {
  const bot = { url: '' };
  const server = createServer((_req, res) => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Help centre: craniosacral therapy</title></head>
<body><main><h1>Craniosacral therapy</h1><p>Our article about craniosacral therapy.</p><a href="#more">Read more</a></main>
<script src="${bot.url}/embed.js" data-title="${TITLE}" data-context="craniosacral therapy" async></script></body></html>`;
    const csp = `default-src 'none'; script-src ${bot.url}; frame-src ${bot.url}; connect-src ${bot.url}; style-src 'none'; img-src 'none'`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
    res.end(html);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, origin: `http://localhost:${(server.address() as { port: number }).port}`, bot }),
    ),
  );
}

describe.skipIf(!chromiumAvailable())('the embed on a help page, in Chromium', { timeout: 60_000 }, () => {
  let bot: RunningServer;
  let directLine: FakeDirectLine;
  let host: Awaited<ReturnType<typeof hostPage>>;
  let stranger: Awaited<ReturnType<typeof hostPage>>;
  let browser: Browser;
  let page: Page;
  const cspViolations: string[] = [];

  /** The chat in the panel's iframe (waits for it: the iframe loads when the panel first opens). */
  const chat = () => page.frameLocator('#natural-therapy-chat-panel iframe');
  /** The focused element: its tag, and a button's label. */
  const focusedIs = () =>
    page.evaluate<string>(
      `(() => { const e = document.activeElement; return e ? e.tagName + (e.tagName === 'BUTTON' ? ' ' + (e.getAttribute('aria-label') || e.textContent) : '') : ''; })()`,
    );
  /** Whether the chat's message box has the keys (the frame's CSP forbids string predicates: a locator asks). */
  const sendBoxHasFocus = () =>
    expect
      .poll(() =>
        chat()
          .locator('[data-id="webchat-sendbox-input"]')
          .first()
          .evaluate((box: { ownerDocument: { activeElement: unknown } }) => box === box.ownerDocument.activeElement),
      )
      .toBe(true);
  const tabToLauncher = async () => {
    for (let i = 0; i < 5 && !String(await focusedIs()).includes(TITLE); i++) await page.keyboard.press('Tab');
    expect(await focusedIs()).toContain(TITLE);
  };

  beforeAll(async () => {
    host = await hostPage();
    stranger = await hostPage();
    let botUrl = '';
    directLine = await startFakeDirectLine(SECRET, () => botUrl);
    bot = await startBot({ EMBED_ALLOWED_ORIGINS: host.origin, DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: directLine.url });
    botUrl = bot.url;
    host.bot.url = bot.url;
    stranger.bot.url = bot.url;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(`${host.origin}/`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    host?.server.close();
    stranger?.server.close();
    await directLine?.close();
  });

  it("opens with the keyboard, answers about the page's topic with the disclaimer, and Escape closes it", async () => {
    await page.getByRole('button', { name: TITLE }).waitFor();
    await tabToLauncher();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: TITLE });
    await dialog.waitFor();
    expect(await page.getByRole('button', { name: TITLE }).isVisible()).toBe(false);
    await page.waitForFunction(`document.activeElement && document.activeElement.tagName === 'IFRAME'`);
    await chat()
      .getByText(/Right now I cover craniosacral therapy/)
      .first()
      .waitFor();
    // The message box has the keys: type, Enter.
    await sendBoxHasFocus();
    await page.keyboard.type('is it safe in pregnancy?');
    await page.keyboard.press('Enter');
    await chat()
      .getByText(/avoid it while pregnant|avoid it/i)
      .first()
      .waitFor();
    await chat()
      .getByText(/talk to your doctor or another qualified health professional/)
      .last()
      .waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'embed-desktop.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedIs()).toContain(TITLE);
    expect(cspViolations).toEqual([]);
  });

  it('keeps focus in the open panel: Tab never reaches the page behind it', async () => {
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: TITLE }).waitFor();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      // Focus leaving the chat passes through the page for a moment before the panel takes it back.
      await expect
        .poll(() => page.evaluate<boolean>(`document.getElementById('natural-therapy-chat-panel').contains(document.activeElement)`), {
          message: `Tab ${i + 1}`,
          timeout: 1000,
        })
        .toBe(true);
    }
    await page.keyboard.press('Escape');
  });

  it('continues the conversation after a reload: the host page keeps the way back in', async () => {
    await page.reload();
    await page.getByRole('button', { name: TITLE }).waitFor();
    await tabToLauncher();
    await page.keyboard.press('Enter');
    await chat()
      .getByText(/avoid it/i)
      .first()
      .waitFor(); // the earlier answer is back
    await sendBoxHasFocus();
    await page.keyboard.type('and does it help migraines?');
    await page.keyboard.press('Enter');
    await chat()
      .getByText(/Insufficient evidence/)
      .first()
      .waitFor();
    expect(directLine.generated).toHaveLength(1); // the same conversation, not a new one
    await page.keyboard.press('Escape');
  });

  it('fills a 390-pixel phone screen and is usable there', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    try {
      await phone.goto(`${host.origin}/`);
      await phone.getByRole('button', { name: TITLE }).click();
      const box = await phone.getByRole('dialog', { name: TITLE }).boundingBox();
      expect(box?.width).toBe(390);
      expect(box?.height).toBe(844);
      // Reduced motion: the panel appears without a transition.
      expect(await phone.evaluate<string>(`document.getElementById('natural-therapy-chat-panel').style.transition`)).toBe('');
      const frame = phone.frames().find((f) => f.url().includes('/embed'))!;
      await frame
        .getByText(/Right now I cover craniosacral therapy/)
        .first()
        .waitFor();
      await phone.screenshot({ path: join(ARTIFACTS, 'embed-phone.png') });
    } finally {
      await phone.close();
    }
  });

  it('gives a Direct Line token to the listed site, and neither a token nor the chat to a site not on the list', async () => {
    const fetchToken = (on: Page) =>
      on.evaluate(async (url) => {
        try {
          const res = await fetch(`${url}/api/directline/token`, { method: 'POST' });
          return `${res.status} ${((await res.json()) as { conversationId?: string }).conversationId ?? ''}`;
        } catch {
          return 'blocked';
        }
      }, bot.url);
    expect(await fetchToken(page)).toMatch(/^200 conv-/);
    const other = await browser.newPage();
    try {
      await other.goto(`${stranger.origin}/`);
      expect(await fetchToken(other)).toBe('blocked');
      // Its embed's iframe is refused by the chat's frame-ancestors: no chat appears in it.
      await other.getByRole('button', { name: TITLE }).click();
      await other.waitForTimeout(1000);
      const frame = other.frames().find((f) => f.url().includes('/embed'));
      expect(frame ? await frame.locator('[data-id="webchat-sendbox-input"]').count() : 0).toBe(0);
    } finally {
      await other.close();
    }
  });
});
