// Copies the shipped data to a temporary directory so a test can corrupt it safely.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRANSLATED_LANGUAGES } from '../../src/knowledge/schema';

export const SHIPPED_DATA = join(__dirname, '..', '..', 'data');
export const CST_FILE = join('monographs', 'craniosacral-therapy.json');

export function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bot-data-'));
  cpSync(SHIPPED_DATA, dir, { recursive: true });
  return dir;
}

/** Reads a JSON file of a data copy, lets the test change it, writes it back. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test edits any shape of data
export function editJson(dir: string, file: string, change: (json: any) => void): void {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  change(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
}

export function writeRaw(dir: string, file: string, content: string): void {
  writeFileSync(join(dir, file), content);
}

/**
 * Adds a monograph to a data copy in every language the bot answers in. Fixtures are written in English only,
 * so the other languages get the same words: enough for tests about resolution and answers, where a language
 * version must only hold the same facts (validation checks facts, not that the words were translated).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any monograph-shaped fixture
export function addMonograph(dir: string, monograph: any): void {
  const text = JSON.stringify(monograph, null, 2);
  writeFileSync(join(dir, 'monographs', `${monograph.id}.json`), text);
  for (const language of TRANSLATED_LANGUAGES) writeFileSync(join(dir, 'monographs', language, `${monograph.id}.json`), text);
}
