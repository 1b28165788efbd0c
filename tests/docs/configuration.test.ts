// The settings table in docs/configuration.md and .env.example say what src/config.ts does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTING_NAMES, loadConfig } from '../../src/config';

const root = join(__dirname, '..', '..');
const table = new Map(
  [...readFileSync(join(root, 'docs', 'configuration.md'), 'utf8').matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2].trim()]),
);
const envExample = new Map(
  [...readFileSync(join(root, '.env.example'), 'utf8').matchAll(/^(\w+)=(.*)$/gm)].map((m) => [m[1], m[2].trim()]),
);
const defaults = loadConfig({}) as Record<string, unknown>;
/** A default as the docs write it: "empty" for none (an unset text, an empty list), else the value. */
const shown = (value: unknown) => (value === undefined || (Array.isArray(value) && value.length === 0) ? 'empty' : String(value));

describe('docs/configuration.md', () => {
  it('lists every setting once, and no other', () => {
    expect([...table.keys()].sort()).toEqual([...SETTING_NAMES].sort());
  });

  it.each(SETTING_NAMES)('gives the default of %s', (name) => {
    expect(table.get(name)).toBe(shown(defaults[name]));
  });

  it('says what every setting should be in production', () => {
    const rows = [...readFileSync(join(root, 'docs', 'configuration.md'), 'utf8').matchAll(/^\| `(\w+)` \|(.*)\|\s*$/gm)];
    for (const [, name, rest] of rows) {
      const cells = rest.split(' | ').map((cell) => cell.trim());
      expect(cells.length, name).toBe(3); // default, meaning, production value
      expect(cells[2], name).not.toBe('');
    }
  });
});

describe('.env.example', () => {
  it('lists every setting, with its default', () => {
    expect([...envExample.keys()].sort()).toEqual([...SETTING_NAMES].sort());
    for (const name of SETTING_NAMES) expect(envExample.get(name) || 'empty', name).toBe(shown(defaults[name]));
  });
});
