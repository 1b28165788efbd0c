// The checks that keep every language version saying the same thing: a translation has every template with
// the English one's placeholders, a name for every lexicon entry, a reply and note for every emergency; a
// translated monograph has exactly the English one's facts (fields, uses, ratings, precautions, sources), its
// words aside; every emergency number names a recorded source. Each returns the problems it finds.
import { isLicensedImport, type EmergencyNumbers, type LexiconEntry, type Monograph, type RedFlags, type Replies } from './schema';
import type { DataProblem } from './problems';
import { formatPath } from './problems';

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** Every string of a translation uses exactly the placeholders of the English string at the same path. */
export function checkPlaceholders(english: unknown, translated: unknown, file: string, path: PropertyKey[] = []): DataProblem[] {
  if (typeof english === 'string' && typeof translated === 'string') {
    const want = placeholders(english);
    const got = placeholders(translated);
    if (want === got) return [];
    return [
      { file, path: formatPath(path), message: `must use the placeholders of the English text (${want || 'none'}), not ${got || 'none'}` },
    ];
  }
  if (english === null || typeof english !== 'object' || translated === null || typeof translated !== 'object') return [];
  // Keys and array lengths are the schema's business; only what both hold is compared here.
  return Object.entries(english).flatMap(([key, value]) =>
    key in translated ? checkPlaceholders(value, (translated as Record<string, unknown>)[key], file, [...path, key]) : [],
  );
}

function placeholders(text: string): string {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => `{${m[1]}}`))].sort().join(' ');
}

/** One emergency reply for every red-flag kind, and a note for every kind that keeps one, in a language's replies. */
export function checkEmergencyReplies(replies: Replies, redFlags: RedFlags, file: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const kinds = new Set(redFlags.emergencies.map((e) => e.kind));
  const noted = new Set(redFlags.emergencies.filter((e) => e.noted).map((e) => e.kind));
  const compare = (have: Record<string, string>, want: Set<string>, where: string, what: string) => {
    for (const kind of want)
      if (!(kind in have)) problems.push({ file, path: `${where}.${kind}`, message: `missing: the ${what} for "${kind}"` });
    for (const kind of Object.keys(have))
      if (!want.has(kind))
        problems.push({ file, path: `${where}.${kind}`, message: `"${kind}" is not an emergency of red-flags.json that has a ${what}` });
  };
  compare(replies.emergency.replies, kinds, 'emergency.replies', 'reply');
  compare(replies.emergency.notes, noted, 'emergency.notes', 'note');
  return problems;
}

/** A display name for every lexicon entry and none for an entry that does not exist. */
export function checkLexiconNames(names: Record<string, string>, lexicon: readonly LexiconEntry[], file: string): DataProblem[] {
  const ids = new Set(lexicon.map((e) => e.id));
  return [
    ...[...ids].filter((id) => !(id in names)).map((id) => ({ file, path: `lexiconNames.${id}`, message: 'missing: a display name' })),
    ...Object.keys(names)
      .filter((id) => !ids.has(id))
      .map((id) => ({ file, path: `lexiconNames.${id}`, message: `"${id}" is not in conditions.json` })),
  ];
}

/**
 * A language's monographs against the English ones: one for each, none more, and each with the same facts.
 * Facts are everything but the words people read (statement texts, the therapy's name, precaution labels,
 * reported effects, practitioners, what a medicine interacts with, notes on uses), so a rating, a source,
 * a precaution or a statement added, lost or changed in translation is a problem.
 */
export function checkTranslatedMonographs(
  english: readonly Monograph[],
  translated: readonly { file: string; monograph: Monograph }[],
  language: string,
  dir: string,
): DataProblem[] {
  const problems: DataProblem[] = [];
  const byId = new Map(translated.map((t) => [t.monograph.id, t]));
  for (const m of english) {
    const t = byId.get(m.id);
    if (!t) {
      // A licensed import is in its publisher's words, which the organisation may not translate.
      if (isLicensedImport(m)) continue;
      problems.push({ file: dir, path: '(file)', message: `missing: the ${language} version of monograph "${m.id}" (${m.id}.json)` });
      continue;
    }
    const difference = firstDifference(factsOf(m), factsOf(t.monograph), []);
    if (difference)
      problems.push({
        file: t.file,
        path: formatPath(difference.path),
        message: `differs in facts from the English monograph: ${difference.message}`,
      });
  }
  const ids = new Set(english.map((m) => m.id));
  for (const t of translated)
    if (!ids.has(t.monograph.id)) problems.push({ file: t.file, path: 'id', message: `"${t.monograph.id}" has no English monograph` });
  return problems;
}

const WORDS = '(words)';

/** The monograph with every translatable text replaced by one marker: what must be equal in every language. */
function factsOf(m: Monograph): unknown {
  const words = (statements: readonly { text: string; source: string }[]) => statements.map((s) => ({ text: WORDS, source: s.source }));
  return {
    ...m,
    name: WORDS,
    overview: words(m.overview),
    ...(m.howItWorks ? { howItWorks: { claims: words(m.howItWorks.claims), evidence: words(m.howItWorks.evidence) } } : {}),
    ...(m.practice
      ? {
          practice: {
            ...(m.practice.practitioners
              ? { practitioners: { names: m.practice.practitioners.names.map(() => WORDS), source: m.practice.practitioners.source } }
              : {}),
            regulation: words(m.practice.regulation),
          },
        }
      : {}),
    uses: m.uses.map((u) => ({ ...u, ...(u.note === undefined ? {} : { note: WORDS }) })),
    safety: { rating: m.safety.rating, statements: words(m.safety.statements) },
    precautions: m.precautions.map((p) => ({
      ...p,
      label: WORDS,
      statements: words(p.statements),
      ...(p.reportedEffects ? { reportedEffects: p.reportedEffects.map(() => WORDS) } : {}),
    })),
    interactions: {
      known: m.interactions.known.map((k) => ({
        ...k,
        with: WORDS,
        ...(k.advice ? { advice: WORDS } : {}),
        statements: words(k.statements),
      })),
      statements: words(m.interactions.statements),
    },
    ...(m.dosing ? { dosing: { statements: words(m.dosing.statements) } } : {}),
  };
}

function firstDifference(a: unknown, b: unknown, path: PropertyKey[]): { path: PropertyKey[]; message: string } | undefined {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return { path, message: `${b.length} items where English has ${a.length}` };
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], [...path, i]);
      if (d) return d;
    }
    return undefined;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (!(key in a)) return { path: [...path, key], message: 'a field English does not have' };
      if (!(key in b)) return { path: [...path, key], message: 'missing, English has it' };
      const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [...path, key]);
      if (d) return d;
    }
    return undefined;
  }
  return a === b ? undefined : { path, message: `${JSON.stringify(b)} where English has ${JSON.stringify(a)}` };
}

/** Every number of data/emergency-numbers.json names a source recorded there. */
export function checkEmergencyNumbers(numbers: EmergencyNumbers, file: string): DataProblem[] {
  const sources = new Set(numbers.sources.map((s) => s.id));
  const problems: DataProblem[] = [];
  for (const [region, entry] of Object.entries(numbers.regions)) {
    const lines = [
      ['emergency', entry.emergency.source],
      ['crisis', entry.crisis?.source],
      ['poison', entry.poison?.source],
    ] as const;
    for (const [what, source] of lines)
      if (source !== undefined && !sources.has(source))
        problems.push({ file, path: `regions.${region}.${what}.source`, message: `unknown source "${source}"` });
  }
  return problems;
}
