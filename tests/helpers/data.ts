// Copies the shipped data to a temporary directory so a test can corrupt it safely.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
