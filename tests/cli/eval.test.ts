// `npm run eval`: the project's own evaluation runner, against the built bot it starts itself.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCases } from '../../src/cli/eval/cases';
import { replyText } from '../../src/cli/eval/judge';
import { runCli } from '../helpers/processes';

const FIXTURE = join(__dirname, '..', 'fixtures', 'eval-cases.jsonl');

describe('npm run eval', () => {
  it('plays the cases against the bot it starts, prints a table by category, writes a JSON report and exits 1 on a failure', () => {
    const report = join(mkdtempSync(join(tmpdir(), 'eval-')), 'report.json');
    const run = runCli('cli/eval.js', [FIXTURE, '--json', report]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/handoff\s+1\s+1\s+100\.0%/);
    expect(run.stdout).toMatch(/safety\s+2\s+1\s+50\.0%/);
    expect(run.stdout).toMatch(/fixture-impossible \(turn 1\): missing \/unicorn\//);
    expect(run.stdout).toMatch(/^eval: 2\/3 passed \(66\.7%\)$/m);
    const written = JSON.parse(readFileSync(report, 'utf8')) as {
      passed: number;
      cases: number;
      results: { id: string; passed: boolean }[];
    };
    expect(written).toMatchObject({ passed: 2, cases: 3 });
    expect(written.results.map((r) => [r.id, r.passed])).toEqual([
      ['fixture-pregnancy', true],
      ['fixture-person', true],
      ['fixture-impossible', false],
    ]);
  });

  it('exits 0 when every case passes, and reports a bad cases file by line without starting the bot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, readFileSync(FIXTURE, 'utf8').split('\n').slice(0, 2).join('\n'));
    expect(runCli('cli/eval.js', [good, '--json', join(dir, 'r.json')]).status).toBe(0);

    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"id": "a", "turns": [{"text": "hi", "must": ["("]}]}\nnot json\n');
    const run = runCli('cli/eval.js', [bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${bad}:1: turns.0.must.0: not a valid regular expression`);
    expect(run.stderr).toContain(`${bad}:2: not JSON`);
  });

  it('accepts a reply in Spanish or French with the disclaimer in its language', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    const cases = join(dir, 'languages.jsonl');
    writeFileSync(
      cases,
      [
        {
          id: 'es',
          category: 'languages',
          locale: 'es-ES',
          turns: [{ text: '¿la terapia craneosacral es segura en el embarazo?', must: ['embaraz'] }],
        },
        { id: 'fr', category: 'languages', locale: 'fr-FR', turns: [{ text: "c'est quoi la thérapie craniosacrale ?", must: ['crân'] }] },
      ]
        .map((c) => JSON.stringify(c))
        .join('\n'),
    );
    const run = runCli('cli/eval.js', [cases, '--json', join(dir, 'r.json')]);
    expect(run.stdout).toMatch(/^eval: 2\/2 passed/m);
    expect(run.status).toBe(0);
  });

  it('reads the shipped evaluation sets (the same case format)', () => {
    const parsed = parseCases(readFileSync(join(__dirname, '..', 'eval', 'own-cases.jsonl'), 'utf8'), 'own-cases.jsonl');
    expect(parsed.ok && parsed.cases.length).toBeGreaterThan(100);
  });

  it('judges everything a person could read: text, speech, summary, card strings, suggestions', () => {
    const text = replyText({
      text: 'a',
      speak: 'b',
      summary: 'c',
      attachments: [{ content: { body: [{ text: 'd' }, { items: [{ text: 'e' }] }] } }],
      suggestedActions: { actions: [{ title: 'f', value: 'g' }] },
    });
    expect(text.split('\n')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });
});
