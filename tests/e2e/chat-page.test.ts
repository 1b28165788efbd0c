// The local chat page in real headless Chromium (Debian's package, driven by playwright-core):
// the welcome, an answer with its warning and the disclaimer, a suggested action, hostile input
// shown as text, and a reload that continues the conversation. Screenshots go to test-artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunningServer } from '../../src/host/server';
import { startBot } from '../helpers/bot-server';
import { ROOT } from '../helpers/processes';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = join(ROOT, 'test-artifacts');

function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  try {
    execFileSync('bash', [join(ROOT, 'scripts', 'ensure-chromium.sh')], { stdio: 'inherit', timeout: 280_000 });
  } catch {
    /* reported below */
  }
  return existsSync(CHROMIUM);
}

const available = chromiumAvailable();
if (!available) {
  console.warn(
    '\n' +
      '!'.repeat(78) +
      `\n!! SKIPPING THE BROWSER TEST: ${CHROMIUM} is missing and could not be installed.\n` +
      '!! Run scripts/ensure-chromium.sh as root (apt-get install chromium) to enable it.\n' +
      '!'.repeat(78) +
      '\n',
  );
}

/**
 * Every visible text whose contrast with what is behind it is under WCAG AA (4.5:1, or 3:1 for text of at least
 * 24 px, or 18.66 px bold). Runs in the page: colours are the computed ones, backgrounds found by walking up
 * to the first opaque one (semi-transparent layers blended on the way).
 */
function contrastFailures(): string[] {
  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba => {
    const [r, g, b, a = 1] = (css.match(/[\d.]+/g) ?? ['0', '0', '0', '0']).map(Number);
    return [r, g, b, css.startsWith('rgba') ? a : 1];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1) as Rgba;
  const luminance = ([r, g, b]: Rgba) => {
    const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element: Element | null): Rgba => {
    const layers: Rgba[] = [];
    for (let e = element; e; e = e.parentElement) {
      const colour = parse(getComputedStyle(e).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] === 1) break;
    }
    return layers.reduceRight((below, layer) => over(layer, below), [255, 255, 255, 1] as Rgba);
  };
  const failures: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || !node.textContent?.trim()) continue;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0) continue;
    if (element.closest('[aria-hidden="true"], .webchat__screen-reader-only, [class*="screen-reader"]')) continue;
    const colour = parse(style.color);
    if (colour[3] === 0) continue; // transparent on purpose: text for screen readers only
    const behind = background(element);
    const foreground = over(colour, behind);
    const [light, dark] = [luminance(foreground), luminance(behind)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5))
      failures.push(
        `${ratio.toFixed(2)}:1 "${node.textContent.trim().slice(0, 40)}" (${style.color} on rgb(${behind.slice(0, 3).join(', ')}))`,
      );
  }
  return [...new Set(failures)];
}

describe.skipIf(!available)('chat page in Chromium', { timeout: 60_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const transcript = () => page.locator('#webchat');
  const send = async (text: string) => {
    const box = page.locator('input[data-id="webchat-sendbox-input"], textarea[data-id="webchat-sendbox-input"]').first();
    await box.fill(text);
    await box.press('Enter');
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startBot({ WEB_CHAT_PAGE: 'true' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage({ viewport: { width: 390, height: 844 } }); // phone width
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
    await shot('1-welcome');
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
    expect(await notHelpful.evaluate((button) => getComputedStyle(button, '::before').content)).toContain('✓');
    expect(await helpful.evaluate((button) => getComputedStyle(button, '::before').content)).toBe('none');
    await shot('6-feedback');
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
    const failures = await page.evaluate(contrastFailures);
    expect(failures).toEqual([]);
  });
});
