// Generated, realistic knowledge for the resolution benchmark: N monographs with 5-20 other names
// and 10-40 uses each, over a lexicon of 2,000 conditions. Seeded, so every run sees the same data.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVIDENCE_RATINGS } from '../src/knowledge/schema';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ven',
  'tor',
  'sa',
  'ne',
  'bu',
  'li',
  'dro',
  'fen',
  'gal',
  'ho',
  'jin',
  'pel',
  'qua',
  'rin',
  'sto',
  'tal',
  'ur',
  'vex',
  'wol',
  'zan',
  'mor',
  'cal',
  'dex',
  'ix',
  'ophy',
  'bel',
];
const KINDS = ['therapy', 'root', 'leaf', 'massage', 'technique', 'balm', 'tea', 'oil'];
const CONDITION_ENDINGS = ['itis', 'osis', 'algia', 'opathy', ' syndrome', ' disorder', ' pain', 'emia'];

/** mulberry32: a small seeded random number generator. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Generated {
  dir: string;
  /** Names people would type, for the query mix. */
  names: string[];
  conditionNames: string[];
}

export function generateKnowledge(monographCount: number, seed = 42): Generated {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const used = new Set<string>();
  const unique = (make: () => string) => {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const candidate = make();
      const key = candidate.toLowerCase().replace(/[^a-z0-9]/g, '');
      if (!used.has(key) && key.length > 3) {
        used.add(key);
        return candidate;
      }
    }
    throw new Error('the generator ran out of unique names');
  };
  const word = (syllables: number) => Array.from({ length: syllables }, () => pick(SYLLABLES)).join('');
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  const dir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  mkdirSync(join(dir, 'monographs'));
  const shipped = join(__dirname, '..', '..', 'data');
  for (const file of [
    'ratings.json',
    'replies.json',
    'red-flags.json',
    'other-therapies.json',
    'language.json',
    'red-flag-examples.jsonl',
    'emergency-numbers.json',
  ]) {
    cpSync(join(shipped, file), join(dir, file));
  }
  // The cues describe the shipped monographs ("the skull one"); generated therapies have no descriptions.
  const cues = JSON.parse(readFileSync(join(shipped, 'cues.json'), 'utf8'));
  cues.descriptions = {};
  for (const language of Object.keys(cues.languages)) cues.languages[language].descriptions = {};
  writeFileSync(join(dir, 'cues.json'), JSON.stringify(cues));
  // Populations (pregnancy, children, ...) are the lexicon's own, named by the cues and the red flags.
  const populations = JSON.parse(readFileSync(join(shipped, 'conditions.json'), 'utf8')).conditions.filter(
    (c: { kind: string }) => c.kind === 'population',
  );

  const conditions = Array.from({ length: 2000 }, (_, i) => {
    const name = unique(() => capital(word(between(2, 3))) + pick(CONDITION_ENDINGS));
    const synonyms = Array.from({ length: between(1, 3) }, () =>
      unique(() => `${word(3)} ${pick(['problems', 'trouble', 'aches', 'flare'])}`),
    );
    return { id: `condition-${i}`, name, kind: 'condition', synonyms };
  });
  writeFileSync(join(dir, 'conditions.json'), JSON.stringify({ conditions: [...conditions, ...populations] }));
  // Each language names every lexicon entry: the generated ones by their (made-up) English names.
  mkdirSync(join(dir, 'languages'));
  for (const language of ['es', 'fr']) {
    const translation = JSON.parse(readFileSync(join(shipped, 'languages', `${language}.json`), 'utf8'));
    const names: Record<string, string> = Object.fromEntries(conditions.map((c) => [c.id, c.name]));
    for (const p of populations as { id: string }[]) names[p.id] = translation.lexiconNames[p.id];
    translation.lexiconNames = names;
    writeFileSync(join(dir, 'languages', `${language}.json`), JSON.stringify(translation));
    mkdirSync(join(dir, 'monographs', language));
  }

  const names: string[] = [];
  for (let i = 0; i < monographCount; i++) {
    const stem = word(between(3, 4));
    const name = unique(() => `${capital(stem)} ${pick(KINDS)}`);
    const otherNames = Array.from({ length: between(5, 20) }, (_, j) => {
      if (j === 0)
        return { name: unique(() => letters(i + 26 * 26 * 26 + Math.floor(rand() * 1000) * 20_000)), language: 'en', abbreviation: true };
      return { name: unique(() => `${capital(word(between(3, 4)))} ${pick(KINDS)}`), language: pick(['en', 'fr', 'de']) };
    });
    names.push(name, ...otherNames.map((n) => n.name));
    const statement = (text: string) => ({ text, source: 'generated' });
    const uses = Array.from(new Set(Array.from({ length: between(10, 40) }, () => between(0, 1999)))).map((c) => ({
      condition: `condition-${c}`,
      rating: pick(EVIDENCE_RATINGS),
      source: 'generated',
    }));
    const monograph = {
      id: `generated-${i}`,
      name,
      kind: 'therapy',
      otherNames,
      overview: [statement(`${name} is a generated therapy.`)],
      howItWorks: { claims: [statement('It is claimed to work.')], evidence: [statement('Evidence is generated.')] },
      practice: { practitioners: { names: ['practitioners'], source: 'generated' }, regulation: [statement('Regulation is generated.')] },
      uses,
      safety: { rating: 'insufficient-information', statements: [statement('Safety is generated.')] },
      precautions: [],
      interactions: { known: [], statements: [statement('No interaction information.')] },
      // Like monographs imported from licensed pages (npm run import), these exist in English only.
      sources: [{ id: 'generated', title: 'Generated', publisher: 'Benchmark', year: 2026, licence: 'generated for the benchmark' }],
      reviewed: '2026-01-01',
    };
    writeFileSync(join(dir, 'monographs', `generated-${i}.json`), JSON.stringify(monograph));
  }
  return { dir, names, conditionNames: conditions.map((c) => c.name) };
}

/** 0 → "A", 27 → "BB": short letter codes for abbreviations, distinct for distinct numbers. */
function letters(n: number): string {
  let out = '';
  for (let rest = n; rest > 0 || out === ''; rest = Math.floor(rest / 26)) out = String.fromCharCode(65 + (rest % 26)) + out;
  return out;
}

/** Swaps two neighbouring letters in the middle of a name: a typical typo. */
export function typo(name: string): string {
  const i = Math.max(1, Math.floor(name.length / 2));
  return name.slice(0, i - 1) + name[i] + name[i - 1] + name.slice(i + 1);
}

/** The typing slips the resolution benchmark makes: two neighbouring letters swapped, one dropped,
 * one doubled, one changed to another letter. Each is one edit. */
export const TYPO_KINDS = ['swap', 'drop', 'double', 'change'] as const;
export type TypoKind = (typeof TYPO_KINDS)[number];

const isLetter = (c: string | undefined) => c !== undefined && /[a-z]/i.test(c);

/** One slip of the given kind at a random letter of the name; undefined when the name has no place
 * for it (a swap needs two different neighbouring letters in one word). */
export function misspell(name: string, kind: TypoKind, rand: () => number): string | undefined {
  const places: number[] = [];
  for (let i = 0; i < name.length; i++) {
    if (!isLetter(name[i])) continue;
    if (kind === 'swap' && (!isLetter(name[i + 1]) || name[i].toLowerCase() === name[i + 1].toLowerCase())) continue;
    places.push(i);
  }
  if (places.length === 0) return undefined;
  const i = places[Math.floor(rand() * places.length)];
  switch (kind) {
    case 'swap':
      return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
    case 'drop':
      return name.slice(0, i) + name.slice(i + 1);
    case 'double':
      return name.slice(0, i + 1) + name[i] + name.slice(i + 1);
    case 'change': {
      // One of the 25 other letters, chosen evenly.
      const from = name.charCodeAt(i) | 0x20;
      const to = 97 + ((from - 97 + 1 + Math.floor(rand() * 25)) % 26);
      return name.slice(0, i) + String.fromCharCode(to) + name.slice(i + 1);
    }
  }
}
