// The understanding evaluation sets (tests/eval/understanding/, written blind, one line per question class)
// are scored against the running bot by the shared judge (scripts/understanding-judge-cases.mjs). This test
// keeps them scoreable: every case of both halves becomes a judge conversation with a check on its last turn.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join('tests', 'eval', 'understanding');
const CLASSES = [
  'handoff',
  'clarify',
  'fact',
  'false-premise',
  'population',
  'same-as',
  'about-bot',
  'medication-change',
  'list-compare',
  'supported-language',
];

describe.each(['seen', 'unseen'])('understanding sets, %s half', (half) => {
  const cases = readdirSync(dir)
    .filter((f) => f.startsWith(`${half}-`) && f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim() !== ''))
    .map((l) => JSON.parse(l) as { id: string; class: string; lang: string; turns: string[] });

  it('covers every class in English, Spanish and French, at least 15 wordings each', () => {
    for (const c of CLASSES) {
      expect(cases.filter((x) => x.class === c).length, c).toBeGreaterThanOrEqual(15);
      for (const lang of ['en', 'es', 'fr']) expect(cases.some((x) => x.class === c && x.lang === lang), `${c}/${lang}`).toBe(true);
    }
  });

  it('has questions in at least ten languages the bot does not read', () => {
    const other = cases.filter((x) => x.class === 'other-language');
    expect(other.length).toBeGreaterThanOrEqual(15);
    expect(new Set(other.map((x) => x.lang)).size).toBeGreaterThanOrEqual(10);
    expect(other.some((x) => ['en', 'es', 'fr'].includes(x.lang))).toBe(false);
  });

  it('becomes judge conversations whose last turn is checked', () => {
    const out = execFileSync(process.execPath, ['scripts/understanding-judge-cases.mjs', half], { encoding: 'utf8' });
    const judged = out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; turns: { must: string[]; handoff: boolean }[] });
    expect(judged.map((j) => j.id)).toEqual(cases.map((c) => c.id));
    for (const j of judged) {
      const last = j.turns[j.turns.length - 1];
      expect(last.must.length > 0 || last.handoff, j.id).toBe(true);
    }
  });
});
