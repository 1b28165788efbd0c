// The local chat page in real headless Chromium (Debian's package, driven by playwright-core):
// the welcome, an answer with its warning and the disclaimer, a suggested action, hostile input
// shown as text, and a reload that continues the conversation. Screenshots go to test-artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../src/host/server';
import { startBot } from '../helpers/bot-server';
import { ARTIFACTS, chromiumAvailable, launchChromium } from '../helpers/chromium';

const available = chromiumAvailable();

/** The WCAG AA contrast check run in the page (a browser script, so it needs no DOM types here). */
const CONTRAST_IN_PAGE = readFileSync(join(__dirname, 'contrast-in-page.js'), 'utf8');

describe.skipIf(!available)('chat page in Chromium', { timeout: 60_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  /** What has keyboard focus, by its data-id or id. */
  const focused = () =>
    page.evaluate<string | null>(`document.activeElement && (document.activeElement.getAttribute('data-id') || document.activeElement.id)`);

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const transcript = () => page.locator('#webchat');
  const send = async (text: string) => {
    const box = page.locator('input[data-id="webchat-sendbox-input"], textarea[data-id="webchat-sendbox-input"]').first();
    await box.fill(text);
    await box.press('Enter');
  };

  beforeAll(async () => {
    server = await startBot({ WEB_CHAT_PAGE: 'true' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } }); // phone width
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${server.url}/`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the product name and the welcome with example questions', async () => {
    expect(await page.locator('h1').textContent()).toBe('Natural Therapy Answers');
    await transcript()
      .getByText(/Right now I cover craniosacral therapy/)
      .waitFor();
    await page.getByRole('button', { name: 'Is craniosacral therapy safe in pregnancy?' }).last().waitFor();
    expect(consoleErrors).toEqual([]); // a missing favicon was one on every load
    await shot('1-welcome');
  });

  it('puts the message box one key away: the skip link is the first Tab stop', async () => {
    // From the top of the page, as after loading it on a phone (with a mouse the box has focus already).
    await page.evaluate(`document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex')`);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('skip-to-input');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('webchat-sendbox-input');
  });

  it('answers a pregnancy question with the warning and the disclaimer', async () => {
    await send('is craniosacral therapy safe during pregnancy?');
    await transcript()
      .getByText(/avoid it while pregnant or breast-feeding/)
      .waitFor();
    await transcript()
      .getByText(/not medical advice/)
      .last()
      .waitFor();
    await shot('2-pregnancy-answer');
  });

  it('fits a phone: suggestions show their whole text, and with the feedback buttons take under a quarter of the screen', async () => {
    const layout = await page.evaluate<{ cut: string[]; height: number }>(`(() => {
      const cut = [...document.querySelectorAll('.webchat__suggested-action__text')]
        .filter((t) => t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1)
        .map((t) => t.textContent);
      const suggestions = document.querySelector('.webchat__suggested-actions').getBoundingClientRect().height;
      const feedback = [...document.querySelectorAll('.ac-actionSet')].pop().getBoundingClientRect().height;
      return { cut, height: suggestions + feedback };
    })()`);
    expect(layout.cut).toEqual([]);
    expect(layout.height).toBeLessThan(844 / 4);
  });

  it('answers a suggested action when clicked', async () => {
    await page.getByRole('button', { name: 'What is craniosacral therapy?' }).last().click();
    await transcript()
      .getByText(/centred on the skull and the spine/)
      .waitFor();
    await shot('3-suggested-action');
  });

  it('shows hostile input as text and runs no script', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await send(hostile);
    await transcript().getByText(hostile, { exact: false }).first().waitFor();
    expect(await page.locator('#webchat img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await shot('4-hostile-input');
  });

  it('continues the conversation after a reload', async () => {
    await page.reload();
    await transcript()
      .getByText(/centred on the skull and the spine/)
      .waitFor();
    await shot('5a-reloaded');
    await send('and is it safe while breastfeeding?');
    await expect
      .poll(
        () =>
          transcript()
            .getByText(/avoid it while pregnant or breast-feeding/)
            .count(),
        { timeout: 10_000 },
      )
      .toBe(2);
    expect(dialogs).toEqual([]);
    await shot('5-after-reload');
  });
  it('marks the feedback button pressed, and moves the mark when the other is pressed', async () => {
    // The last answer's card; its buttons are found by place, since the mark (a tick) joins their names.
    const card = transcript().locator('.ac-adaptiveCard').filter({ hasText: 'Not helpful' }).last();
    const [helpful, notHelpful] = [card.locator('button').nth(0), card.locator('button').nth(1)];
    expect(await helpful.textContent()).toBe('Helpful');
    await helpful.click();
    await transcript()
      .getByText(/Thanks for your feedback/)
      .last()
      .waitFor();
    expect(await helpful.getAttribute('aria-pressed')).toBe('true');
    expect(await notHelpful.getAttribute('aria-pressed')).toBe('false');
    await notHelpful.click();
    await transcript()
      .getByText(/ask again in other words/)
      .last()
      .waitFor();
    expect(await notHelpful.getAttribute('aria-pressed')).toBe('true');
    expect(await helpful.getAttribute('aria-pressed')).toBe('false');
    // Not by colour alone: the rating that stands carries a tick.
    const tick = `getComputedStyle([...document.querySelectorAll('.feedback-chosen')].pop(), '::before').content`;
    expect(await page.evaluate<string>(tick)).toContain('✓');
    expect(await card.locator('button.feedback-chosen').count()).toBe(1);
    await shot('6-feedback');
  });

  it("shows the server's own sentence when a message is refused (429), not that the bot could not be reached", async () => {
    const limited = await startBot({ WEB_CHAT_PAGE: 'true', RATE_LIMIT_PER_CONVERSATION: '2' });
    const second = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await second.goto(`${limited.url}/`);
      await second.getByText(/Right now I cover craniosacral therapy/).waitFor(); // the welcome: one turn
      const box = second.locator('[data-id="webchat-sendbox-input"]').first();
      await box.fill('what is craniosacral therapy?');
      await box.press('Enter');
      await second.getByText(/centred on the skull and the spine/).waitFor();
      await box.fill('and is it safe?');
      await box.press('Enter');
      await second
        .getByText(/sending messages faster than I can answer/)
        .first()
        .waitFor();
      expect(await second.getByText(/could not reach the bot/).count()).toBe(0);
    } finally {
      await second.close();
      await limited.close();
    }
  });

  it('meets WCAG AA contrast for every text on the page and the cards (4.5:1; 3:1 for large text)', async () => {
    // On the page by now: the welcome, answers with warnings and small print, feedback buttons marked and not.
    // Added: an evidence badge, and an emergency reply (its own container style).
    await send('does craniosacral therapy help migraines?');
    await transcript().getByText('Insufficient evidence').last().waitFor();
    await send('my husband collapsed and is not breathing');
    await transcript()
      .getByText(/911|emergency number/)
      .last()
      .waitFor();
    const failures = await page.evaluate<string[]>(CONTRAST_IN_PAGE);
    expect(failures).toEqual([]);
  });
  it("follows the browser's language: a Spanish browser gets the page, the welcome and the answers in Spanish", async () => {
    const spanish = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'es-ES' });
    try {
      await spanish.goto(`${server.url}/`);
      expect(await spanish.locator('h1').textContent()).toBe('Respuestas sobre terapias naturales');
      expect(await spanish.locator('html').getAttribute('lang')).toBe('es');
      expect(await spanish.locator('#skip-to-input').textContent()).toBe('Ir al cuadro de mensaje');
      await spanish
        .getByText(/Ahora mismo tengo información sobre terapia craneosacral/)
        .first()
        .waitFor();
      await spanish.getByRole('button', { name: '¿Es segura la terapia craneosacral durante el embarazo?' }).last().click();
      await spanish
        .getByText(/Por precaución, evítela mientras esté embarazada/)
        .first()
        .waitFor();
      await spanish
        .getByText(/Hable con su médico o con otro profesional de la salud cualificado/)
        .last()
        .waitFor();
      expect(await spanish.getByText(/talk to your doctor/i).count()).toBe(0);
      await spanish.screenshot({ path: join(ARTIFACTS, '9-spanish.png'), fullPage: true });
    } finally {
      await spanish.close();
    }
  });
});
