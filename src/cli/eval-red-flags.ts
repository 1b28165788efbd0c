// `npm run eval:red-flags`: scores the safety screen on the red-flag evaluation sets in tests/eval/red-flags/,
// in process: recall of emergencies per concept and language, and the share of lookalikes (negated, past,
// hypothetical, idiom, another person's past, a question about the condition) left alone.
//
// The sets were written blind by people who never saw the patterns. Files named "seen-*" may be read while
// building; files named "unseen-*" are only scored: this tool never prints their wordings, only figures.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Understanding } from '../understanding/understand';
import { loadForCli } from './shipped-knowledge';

export interface RedFlagCase {
  id: string;
  concept: string;
  lang: string;
  expect: 'emergency' | 'normal';
  kind: string;
  text: string;
}

export interface Tally {
  passed: number;
  total: number;
}

export interface HalfScore {
  emergencies: Tally;
  lookalikes: Tally;
  byConcept: Map<string, { emergencies: Tally; lookalikes: Tally }>;
  byLanguage: Map<string, { emergencies: Tally; lookalikes: Tally }>;
  failures: { case: RedFlagCase; got: string }[];
}

/** The sets, from the project root (where npm and vitest run). */
export const EVAL_DIR = resolve('tests', 'eval', 'red-flags');

/** The set files of one half, by name ("unseen-3.jsonl"). */
export function setFiles(dir: string, half: 'seen' | 'unseen'): string[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${half}-`) && f.endsWith('.jsonl'))
    .sort();
}

export function readCases(dir: string, half: 'seen' | 'unseen', only?: readonly string[]): RedFlagCase[] {
  return setFiles(dir, half)
    .filter((f) => !only || only.includes(f))
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as RedFlagCase),
    );
}

export function score(understanding: Understanding, cases: readonly RedFlagCase[]): HalfScore {
  const tally = (): { emergencies: Tally; lookalikes: Tally } => ({
    emergencies: { passed: 0, total: 0 },
    lookalikes: { passed: 0, total: 0 },
  });
  const result: HalfScore = { ...tally(), byConcept: new Map(), byLanguage: new Map(), failures: [] };
  for (const c of cases) {
    const q = understanding.understand(c.text);
    const got = q.emergency?.kind ?? (q.safetyNote ? `note:${q.safetyNote}` : 'normal');
    const passed = c.expect === 'emergency' ? q.emergency !== undefined : q.emergency === undefined;
    const field = c.expect === 'emergency' ? 'emergencies' : 'lookalikes';
    for (const group of [result, getOr(result.byConcept, c.concept, tally), getOr(result.byLanguage, c.lang, tally)]) {
      group[field].total++;
      if (passed) group[field].passed++;
    }
    if (!passed) result.failures.push({ case: c, got });
  }
  return result;
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

const pct = (t: Tally) => (t.total === 0 ? '   -  ' : `${((100 * t.passed) / t.total).toFixed(1).padStart(5)}%`);
const frac = (t: Tally) => `${t.passed}/${t.total}`.padStart(7);

function report(half: string, s: HalfScore, showFailures: boolean): void {
  console.log(
    `\n${half}: emergencies recognised ${pct(s.emergencies)} (${frac(s.emergencies)}), lookalikes left alone ${pct(s.lookalikes)} (${frac(s.lookalikes)})`,
  );
  console.log('  concept                     emergencies        lookalikes');
  for (const [concept, t] of [...s.byConcept].sort())
    console.log(`  ${concept.padEnd(26)}  ${pct(t.emergencies)} ${frac(t.emergencies)}   ${pct(t.lookalikes)} ${frac(t.lookalikes)}`);
  for (const [language, t] of [...s.byLanguage].sort())
    console.log(
      `  language ${language.padEnd(17)}  ${pct(t.emergencies)} ${frac(t.emergencies)}   ${pct(t.lookalikes)} ${frac(t.lookalikes)}`,
    );
  if (!showFailures) return;
  for (const f of s.failures) console.log(`  MISS ${f.case.id} [${f.case.kind}] got ${f.got}: ${f.case.text}`);
}

function main(args: string[]): number {
  const knowledge = loadForCli();
  if (!knowledge) return 1;
  const understanding = new Understanding(knowledge);
  const showSeenFailures = args.includes('--failures');
  report('seen half', score(understanding, readCases(EVAL_DIR, 'seen')), showSeenFailures);
  // Never print the unseen half's wordings: reading them would make them seen.
  report('unseen half', score(understanding, readCases(EVAL_DIR, 'unseen')), false);
  for (const file of setFiles(EVAL_DIR, 'unseen')) {
    const s = score(understanding, readCases(EVAL_DIR, 'unseen', [file]));
    console.log(
      `  ${file}: emergencies ${pct(s.emergencies)} (${frac(s.emergencies)}), lookalikes ${pct(s.lookalikes)} (${frac(s.lookalikes)})`,
    );
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
