// Realistic traffic for the throughput bench: messages drawn from a large set of distinct wordings with a
// long-tailed (Zipf-like) repetition, as a support desk hears them: a few questions very often, most once or
// twice. The wordings: the shared real questions and dev set, the project's own evaluation sets (the seen halves
// only), and paraphrases generated from templates over the shipped therapy names and the lexicon.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { random } from './generate';

const ROOT = join(__dirname, '..', '..');

/** Every turn's text in a JSONL evaluation file (turns are strings or { text }). */
function turnsIn(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      const turns = (JSON.parse(line) as { turns?: unknown[] }).turns ?? [];
      return turns.map((t) => (typeof t === 'string' ? t : ((t as { text?: string }).text ?? ''))).filter((t) => t !== '');
    });
}

const seenFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.startsWith('seen') && f.endsWith('.jsonl'))
        .map((f) => join(dir, f))
    : [];

const TEMPLATES = [
  'does {therapy} help {condition}?',
  'is {therapy} any good for {condition}',
  'can {therapy} make {condition} worse?',
  'would {therapy} work for my {condition}',
  'what does the evidence say about {therapy} for {condition}?',
  '{therapy} for {condition}?',
  'is {therapy} safe if I have {condition}?',
  'my doctor mentioned {therapy} for {condition}, thoughts?',
];

/** The distinct wordings, deduplicated, in a fixed order. */
export function distinctWordings(): string[] {
  const files = [
    join(ROOT, '..', 'shared', 'eval', 'real-questions.jsonl'),
    join(ROOT, '..', 'shared', 'eval', 'dev.jsonl'),
    join(ROOT, 'tests', 'eval', 'own-cases.jsonl'),
    ...seenFiles(join(ROOT, 'tests', 'eval', 'understanding')),
    ...seenFiles(join(ROOT, 'tests', 'eval', 'languages')),
  ];
  const written = files.flatMap(turnsIn);
  const monograph = JSON.parse(readFileSync(join(ROOT, 'data', 'monographs', 'craniosacral-therapy.json'), 'utf8')) as {
    name: string;
    otherNames: { name: string }[];
  };
  const therapies = [monograph.name.toLowerCase(), ...monograph.otherNames.map((n) => n.name)];
  const lexicon = JSON.parse(readFileSync(join(ROOT, 'data', 'conditions.json'), 'utf8')) as {
    conditions: { name: string; synonyms: string[] }[];
  };
  const conditions = lexicon.conditions.flatMap((c) => [c.name, ...c.synonyms.slice(0, 2)]);
  const generated: string[] = [];
  // A fixed stride through the combinations: varied, and the same every run.
  for (let i = 0; generated.length < 6000 && i < TEMPLATES.length * therapies.length * conditions.length; i += 7) {
    const template = TEMPLATES[i % TEMPLATES.length];
    const therapy = therapies[Math.floor(i / TEMPLATES.length) % therapies.length];
    const condition = conditions[Math.floor(i / (TEMPLATES.length * therapies.length)) % conditions.length];
    generated.push(template.replace('{therapy}', therapy).replace('{condition}', condition));
  }
  return [...new Set([...written, ...generated])];
}

/**
 * The n-th message of a Zipf-like stream over the wordings: the wording of rank r (in a seeded shuffle) is sent
 * with probability proportional to 1 / r^exponent. The same n gives the same message in every run.
 */
export function zipfTraffic(wordings: readonly string[], exponent = 1, length = 200_000): (n: number) => string {
  // Seeded, so every run and every server sees the same sequence.
  const next = random(2026);
  const order = wordings
    .map((w) => ({ w, k: next() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.w);
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= order.length; r++) cumulative.push((total += 1 / r ** exponent));
  const pick = (u: number) => {
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < u * total) lo = mid + 1;
      else hi = mid;
    }
    return order[lo];
  };
  const stream = Array.from({ length }, () => pick(next()));
  return (n) => stream[n % length];
}
