// The chat page in production mode, in real headless Chromium: with a token server configured, the page gets
// a token from the bot (never the secret) and talks through Web Chat's own Direct Line client, and a reload
// continues the same conversation with its token refreshed. Direct Line is a stand-in on loopback
// (tests/helpers/fake-direct-line.ts): the real one is on the internet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium';
import type { RunningServer } from '../../src/host/server';
import { startBot } from '../helpers/bot-server';
import { startFakeDirectLine, type FakeDirectLine } from '../helpers/fake-direct-line';

const SECRET = 'dl-secret-that-must-stay-on-the-server-0123456789';

describe.skipIf(!chromiumAvailable())('the chat page through Direct Line, in Chromium', { timeout: 60_000 }, () => {
  let bot: RunningServer;
  let directLine: FakeDirectLine;
  let browser: Browser;
  let page: Page;
  const pageRequests: string[] = [];

  beforeAll(async () => {
    let botUrl = '';
    directLine = await startFakeDirectLine(SECRET, () => botUrl);
    bot = await startBot({
      WEB_CHAT_PAGE: 'true',
      DIRECT_LINE_SECRET: SECRET,
      DIRECT_LINE_ENDPOINT: directLine.url,
      EMBED_ALLOWED_ORIGINS: 'https://help.example.org',
    });
    botUrl = bot.url;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    page.on(
      'response',
      (response) =>
        void response.text().then(
          (text) => pageRequests.push(text),
          () => undefined,
        ),
    );
    await page.goto(`${bot.url}/`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    await directLine?.close();
  });

  const transcript = () => page.locator('#webchat');
  const send = async (text: string) => {
    const box = page.locator('[data-id="webchat-sendbox-input"]').first();
    await box.fill(text);
    await box.press('Enter');
  };

  it("gets a token from the bot, bound to a dl_ user and the page's own origin, and chats through Direct Line", async () => {
    await transcript()
      .getByText(/Right now I cover craniosacral therapy/)
      .first()
      .waitFor();
    await send('is craniosacral therapy safe in pregnancy?');
    await transcript()
      .getByText(/Pregnancy and breast-feeding/)
      .first()
      .waitFor();
    await transcript()
      .getByText(/talk to your doctor or another qualified health professional/)
      .last()
      .waitFor();
    expect(directLine.generated).toHaveLength(1);
    expect(directLine.generated[0].userId).toMatch(/^dl_/);
    expect(directLine.generated[0].trustedOrigins).toEqual(['https://help.example.org', new URL(bot.url).origin]);
    // The browser only ever showed Direct Line a token, and never received the secret.
    expect(directLine.browserAuthorizations.length).toBeGreaterThan(0);
    expect(directLine.browserAuthorizations.every((header) => header.startsWith('Bearer fake-token-'))).toBe(true);
    expect(pageRequests.join('\n')).not.toContain(SECRET);
  });

  it('continues the same conversation after a reload, with its token refreshed', async () => {
    await page.reload();
    await transcript()
      .getByText(/Pregnancy and breast-feeding/)
      .first()
      .waitFor(); // the history is back
    expect(directLine.refreshed).toBeGreaterThanOrEqual(1);
    expect(directLine.generated).toHaveLength(1); // no new conversation
    await send('and does it help migraines?');
    await transcript()
      .getByText(/Insufficient evidence/)
      .first()
      .waitFor();
  });
});
