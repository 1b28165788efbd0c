// The README's quick start stays true: two commands, and how to use another port.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));

describe('README quick start', () => {
  it('gives the two commands: one runs the bot, one runs every test', () => {
    expect(quickStart).toMatch(/npm install && npm start/);
    expect(quickStart).toMatch(/npm test/);
  });

  it('says how to use another port, with a setting the bot really reads', () => {
    const [, port] = /`PORT=(\d+) npm start`/.exec(quickStart) ?? [];
    expect(port).toBeDefined();
    expect(loadConfig({ PORT: port }).PORT).toBe(Number(port));
  });
});
