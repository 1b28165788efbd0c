// Debian's headless Chromium for the browser tests, driven by playwright-core (never a downloaded browser):
// installed by scripts/ensure-chromium.sh when missing; a machine where that fails skips the browser tests,
// loudly. Screenshots go to test-artifacts/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './processes';

export const CHROMIUM = '/usr/bin/chromium';
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
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/** Whether Chromium is here, installing it first when it is not; warns when the browser tests must be skipped. */
export function chromiumAvailable(): boolean {
  if (!existsSync(CHROMIUM)) {
    try {
      execFileSync('bash', [join(ROOT, 'scripts', 'ensure-chromium.sh')], { stdio: 'inherit', timeout: 280_000 });
    } catch {
      /* reported below */
    }
  }
  if (existsSync(CHROMIUM)) return true;
  console.warn(
    '\n' +
      '!'.repeat(78) +
      `\n!! SKIPPING THE BROWSER TEST: ${CHROMIUM} is missing and could not be installed.\n` +
      '!! Run scripts/ensure-chromium.sh as root (apt-get install chromium) to enable it.\n' +
      '!'.repeat(78) +
      '\n',
  );
  return false;
}

/** Headless Chromium with the project's flags, and test-artifacts/ ready for screenshots. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}
