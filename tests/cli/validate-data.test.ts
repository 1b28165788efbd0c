import { describe, expect, it } from 'vitest';
import { CST_FILE, copyOfData, editJson, writeRaw } from '../helpers/data';
import { runCli } from '../helpers/processes';

describe('npm run validate-data', () => {
  it('exits 0 with a one-line summary on the shipped data', () => {
    const run = runCli('cli/validate-data.js', []);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/valid: 1 monograph\(s\), 18 rated use\(s\), \d+ lexicon entries/);
  });

  it('exits 1 listing every problem with file and path', () => {
    const dir = copyOfData();
    editJson(dir, CST_FILE, (m) => {
      m.uses[4].rating = 'miraculous';
    });
    editJson(dir, 'conditions.json', (lexicon) => (lexicon.conditions[1].id = lexicon.conditions[0].id));
    writeRaw(dir, 'replies.json', '{"disclaimer": ');
    const run = runCli('cli/validate-data.js', [dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/3 problem\(s\) found/);
    expect(run.stderr).toMatch(/craniosacral-therapy\.json: uses\[4\]\.rating: /);
    expect(run.stderr).toMatch(/conditions\.json: conditions\[1\]\.id: duplicate id/);
    expect(run.stderr).toMatch(/replies\.json: \(file\): malformed JSON/);
  });

  it('exits 1 for a directory that does not exist', () => {
    const run = runCli('cli/validate-data.js', ['/nonexistent/data']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/ENOENT/);
  });
});
