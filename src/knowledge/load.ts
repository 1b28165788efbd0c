// Loads and validates everything in a data directory. All problems are collected (file, JSON
// path, message) so a maintainer can fix them in one go; any problem at all means no knowledge
// is returned, so the bot never serves partial data.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, basename } from 'node:path';
import type { z } from 'zod';
import {
  ConditionLexicon,
  Cues,
  LanguageData,
  RedFlagExample,
  Monograph,
  OtherTherapies,
  RatingScales,
  RedFlags,
  Replies,
  type Cues as CuesT,
  type LanguageData as LanguageDataT,
  type RedFlagExample as RedFlagExampleT,
  type OtherTherapies as OtherTherapiesT,
  type RedFlags as RedFlagsT,
  type LexiconEntry,
  type Monograph as MonographT,
  type RatingScales as RatingScalesT,
  type Replies as RepliesT,
} from './schema';
import { compact } from '../text/normalise';
import { PatternError, expandMacros, parsePattern } from '../text/phrases';
import { LANGUAGES, keyOf } from '../text/lemmas';

export interface DataProblem {
  file: string;
  /** JSON path inside the file, e.g. "uses[3].rating"; "(file)" when the whole file is at fault. */
  path: string;
  message: string;
}

export interface Knowledge {
  monographs: MonographT[];
  lexicon: LexiconEntry[];
  ratings: RatingScalesT;
  cues: CuesT;
  replies: RepliesT;
  redFlags: RedFlagsT;
  otherTherapies: OtherTherapiesT;
  language: LanguageDataT;
  redFlagExamples: RedFlagExampleT[];
}

export type LoadResult = { ok: true; knowledge: Knowledge } | { ok: false; problems: DataProblem[] };

export const RATINGS_FILE = 'ratings.json';
export const LEXICON_FILE = 'conditions.json';
export const CUES_FILE = 'cues.json';
export const REPLIES_FILE = 'replies.json';
export const RED_FLAGS_FILE = 'red-flags.json';
export const OTHER_THERAPIES_FILE = 'other-therapies.json';
export const LANGUAGE_FILE = 'language.json';
export const RED_FLAG_EXAMPLES_FILE = 'red-flag-examples.jsonl';
export const MONOGRAPH_DIR = 'monographs';

/** Reads `dir` (ratings, lexicon, cues, replies, red flags, other therapies, monographs/*.json) and validates it as a whole. */
export function loadKnowledge(dir: string): LoadResult {
  const problems: DataProblem[] = [];
  const display = (file: string) => relative(process.cwd(), file) || file;

  const read = <S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined => {
    const json = readJson(file, display(file), problems);
    if (json === undefined) return undefined;
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      problems.push({ file: display(file), path: formatPath(issue.path), message: issue.message });
    }
    return undefined;
  };

  const ratings = read(join(dir, RATINGS_FILE), RatingScales);
  const lexicon = read(join(dir, LEXICON_FILE), ConditionLexicon)?.conditions;
  const cues = read(join(dir, CUES_FILE), Cues);
  const replies = read(join(dir, REPLIES_FILE), Replies);
  const redFlags = read(join(dir, RED_FLAGS_FILE), RedFlags);
  const otherTherapies = read(join(dir, OTHER_THERAPIES_FILE), OtherTherapies);
  const language = read(join(dir, LANGUAGE_FILE), LanguageData);
  const redFlagExamples = readExamples(join(dir, RED_FLAG_EXAMPLES_FILE), display(join(dir, RED_FLAG_EXAMPLES_FILE)), problems, redFlags);

  const monographDir = join(dir, MONOGRAPH_DIR);
  const monographFiles = listJsonFiles(monographDir, display(monographDir), problems);
  const monographs: { file: string; monograph: MonographT }[] = [];
  for (const file of monographFiles) {
    const monograph = read(file, Monograph);
    if (monograph) monographs.push({ file: display(file), monograph });
  }

  if (lexicon) problems.push(...checkLexicon(lexicon, display(join(dir, LEXICON_FILE))));
  problems.push(...checkMonographs(monographs, lexicon));
  const wordLists = cues?.wordLists ?? {};
  if (lexicon)
    problems.push(
      ...checkPatterns({ conditions: lexicon.map((e) => ({ patterns: e.patterns ?? [] })) }, display(join(dir, LEXICON_FILE)), wordLists),
    );
  // Monograph ids by file name too, so a monograph that failed validation does not also fail the cues.
  const monographIds = [...monographs.map((m) => m.monograph.id), ...monographFiles.map((f) => basename(f, '.json'))];
  if (cues) problems.push(...checkCues(cues, display(join(dir, CUES_FILE)), lexicon, monographIds));
  if (redFlags) problems.push(...checkRedFlags(redFlags, display(join(dir, RED_FLAGS_FILE))));
  if (otherTherapies) problems.push(...checkOtherTherapies(otherTherapies, monographs, display(join(dir, OTHER_THERAPIES_FILE))));

  if (problems.length > 0 || !ratings || !lexicon || !cues || !replies || !redFlags || !otherTherapies || !language)
    return { ok: false, problems };
  const knowledge = {
    monographs: monographs.map((m) => m.monograph),
    lexicon,
    ratings,
    cues,
    replies,
    redFlags,
    otherTherapies,
    language,
    redFlagExamples,
  };
  return { ok: true, knowledge };
}

/** JSON Lines of red-flag examples, each naming an emergency kind of red-flags.json, "none" or "everyday". */
function readExamples(file: string, shown: string, problems: DataProblem[], redFlags: RedFlagsT | undefined): RedFlagExampleT[] {
  const raw = readText(file, shown, problems);
  if (raw === undefined) return [];
  const kinds = new Set(['none', 'everyday', ...(redFlags?.emergencies.map((e) => e.kind) ?? [])]);
  const examples: RedFlagExampleT[] = [];
  raw.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push({ file: shown, path: `line ${i + 1}`, message: 'malformed JSON' });
      return;
    }
    const parsed = RedFlagExample.safeParse(json);
    if (!parsed.success) problems.push({ file: shown, path: `line ${i + 1}`, message: parsed.error.issues[0].message });
    else if (redFlags && !kinds.has(parsed.data.kind))
      problems.push({ file: shown, path: `line ${i + 1}`, message: `unknown emergency kind "${parsed.data.kind}"` });
    else examples.push(parsed.data);
  });
  return examples;
}

/** A file's text, or undefined with the problem recorded. */
function readText(file: string, shown: string, problems: DataProblem[]): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    problems.push({ file: shown, path: '(file)', message: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
    return undefined;
  }
}

function readJson(file: string, shown: string, problems: DataProblem[]): unknown {
  const raw = readText(file, shown, problems);
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    problems.push({ file: shown, path: '(file)', message: `malformed JSON: ${describeJsonError(raw, error as Error)}` });
    return undefined;
  }
}

/** Node reports "at position N"; people want a line and column. */
function describeJsonError(raw: string, error: Error): string {
  const position = /at position (\d+)/.exec(error.message);
  if (!position) return error.message;
  const offset = Number(position[1]);
  const before = raw.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  return `${error.message.replace(/ in JSON at position \d+.*$/s, '')} (line ${line}, column ${column})`;
}

function listJsonFiles(dir: string, shown: string, problems: DataProblem[]): string[] {
  try {
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
    if (files.length === 0) problems.push({ file: shown, path: '(file)', message: 'no monograph files (*.json) found' });
    return files.map((name) => join(dir, name));
  } catch (error) {
    problems.push({
      file: shown,
      path: '(file)',
      message: `cannot read directory: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    });
    return [];
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

/** Lexicon ids are unique and no word points at two entries. */
function checkLexicon(lexicon: LexiconEntry[], file: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const ids = new Map<string, number>();
  const terms = new Map<string, string>();
  lexicon.forEach((entry, i) => {
    const previous = ids.get(entry.id);
    if (previous !== undefined) {
      problems.push({ file, path: `conditions[${i}].id`, message: `duplicate id "${entry.id}" (also conditions[${previous}])` });
    } else ids.set(entry.id, i);
    const own = new Set<string>();
    [entry.name, ...entry.synonyms].forEach((term, j) => {
      const key = compact(term);
      const where = j === 0 ? `conditions[${i}].name` : `conditions[${i}].synonyms[${j - 1}]`;
      if (key === '') {
        problems.push({ file, path: where, message: 'has no letters or digits' });
        return;
      }
      if (own.has(key)) return; // a spelling variant of the entry's own term is harmless
      own.add(key);
      const owner = terms.get(key);
      if (owner !== undefined && owner !== entry.id) {
        problems.push({ file, path: where, message: `"${term}" already names "${owner}"` });
      } else terms.set(key, entry.id);
    });
  });
  return problems;
}

/** Cross-references: ids and names unique across monographs; uses, precautions and statements point at things that exist. */
function checkMonographs(items: { file: string; monograph: MonographT }[], lexicon: LexiconEntry[] | undefined): DataProblem[] {
  const problems: DataProblem[] = [];
  const lexiconIds = new Set(lexicon?.map((entry) => entry.id));
  const monographIds = new Map<string, string>();
  const names = new Map<string, string>();

  for (const { file, monograph } of items) {
    const add = (path: string, message: string) => problems.push({ file, path, message });

    if (basename(file, '.json') !== monograph.id) add('id', `id "${monograph.id}" must match the file name (${monograph.id}.json)`);
    const otherFile = monographIds.get(monograph.id);
    if (otherFile) add('id', `duplicate monograph id "${monograph.id}" (also in ${otherFile})`);
    else monographIds.set(monograph.id, file);

    const seenHere = new Set<string>();
    [monograph.name, ...monograph.otherNames.map((n) => n.name)].forEach((name, i) => {
      const key = compact(name);
      const path = i === 0 ? 'name' : `otherNames[${i - 1}].name`;
      if (seenHere.has(key)) {
        add(path, `"${name}" is listed twice`);
        return;
      }
      seenHere.add(key);
      const owner = names.get(key);
      if (owner) add(path, `name "${name}" already belongs to monograph "${owner}"`);
      else names.set(key, monograph.id);
    });

    const sourceIds = new Set(monograph.sources.map((s) => s.id));
    for (const [path, source] of sourceReferences(monograph)) {
      if (!sourceIds.has(source)) add(path, `unknown source "${source}" (not in sources)`);
    }

    if (lexicon) {
      const usedConditions = new Set<string>();
      monograph.uses.forEach((use, i) => {
        if (!lexiconIds.has(use.condition)) add(`uses[${i}].condition`, `unknown condition "${use.condition}" (not in ${LEXICON_FILE})`);
        if (usedConditions.has(use.condition)) add(`uses[${i}].condition`, `condition "${use.condition}" is rated twice`);
        usedConditions.add(use.condition);
      });
      monograph.precautions.forEach((precaution, i) => {
        precaution.appliesTo.forEach((id, j) => {
          if (!lexiconIds.has(id))
            add(`precautions[${i}].appliesTo[${j}]`, `unknown condition or population "${id}" (not in ${LEXICON_FILE})`);
        });
      });
    }
  }
  return problems;
}

/** Every [JSON path, source id] pair in a monograph, so each fact can be traced to a recorded source. */
function sourceReferences(m: MonographT): [string, string][] {
  const refs: [string, string][] = [];
  const statements = (path: string, list: { source: string }[]) => list.forEach((s, i) => refs.push([`${path}[${i}].source`, s.source]));
  statements('overview', m.overview);
  statements('howItWorks.claims', m.howItWorks.claims);
  statements('howItWorks.evidence', m.howItWorks.evidence);
  refs.push(['practice.practitioners.source', m.practice.practitioners.source]);
  statements('practice.regulation', m.practice.regulation);
  statements('uses', m.uses);
  if (m.otherConditions) refs.push(['otherConditions.source', m.otherConditions.source]);
  statements('safety.statements', m.safety.statements);
  m.precautions.forEach((p, i) => statements(`precautions[${i}].statements`, p.statements));
  m.interactions.known.forEach((k, i) => statements(`interactions.known[${i}].statements`, k.statements));
  statements('interactions.statements', m.interactions.statements);
  if (m.dosing) statements('dosing.statements', m.dosing.statements);
  return refs;
}

/** Every phrase in cue and red-flag files must parse in the pattern language of src/text/phrases.ts. */
function checkPatterns(json: unknown, file: string, wordLists: Record<string, string[]>): DataProblem[] {
  const problems: DataProblem[] = [];
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      const key = path[path.length - 1];
      if (key === 'kind' || key === 'reply') return; // red flags' names and replies are not phrases
      try {
        parsePattern(expandMacros(value, wordLists));
      } catch (error) {
        if (error instanceof PatternError)
          problems.push({ file, path: formatPath(path), message: `bad phrase "${value}": ${error.message}` });
        else throw error;
      }
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i]));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(json, []);
  return problems;
}

/**
 * Cues: every phrase parses, English ones with the English word lists, each other language's with its own
 * (and the English ones: medicine names are the same words); every age band names a lexicon population.
 */
function checkCues(cues: CuesT, file: string, lexicon: LexiconEntry[] | undefined, monographIds: string[]): DataProblem[] {
  const { languages, wordLists, ages, ...english } = cues;
  const problems = checkPatterns({ ...english, ages: ages.units }, file, wordLists);
  for (const [language, { wordLists: own, ...lists }] of Object.entries(languages)) {
    problems.push(...checkPatterns({ languages: { [language]: lists } }, file, { ...wordLists, ...own }));
  }
  for (const [path, descriptions] of [
    ['descriptions', cues.descriptions],
    ...Object.entries(languages).map(([l, c]) => [`languages.${l}.descriptions`, c.descriptions ?? {}] as const),
  ] as const) {
    for (const id of Object.keys(descriptions)) {
      if (!monographIds.includes(id)) problems.push({ file, path: `${path}.${id}`, message: `"${id}" is not a monograph` });
    }
  }
  for (const [i, [, id]] of [...ages.bands, ages.from].entries()) {
    if (lexicon && !lexicon.some((e) => e.id === id && e.kind === 'population')) {
      problems.push({
        file,
        path: i < ages.bands.length ? `ages.bands[${i}]` : 'ages.from',
        message: `"${id}" is not a population of the lexicon`,
      });
    }
  }
  return problems;
}

/**
 * Red flags: every phrase parses in its language (literal words as lemma keys); every combination names
 * known concepts; every concept serves some emergency (an unused concept is a mistake, not a spare).
 */
function checkRedFlags(redFlags: RedFlagsT, file: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const checkPhrases = (phrases: Partial<Record<string, readonly string[]>> | undefined, path: PropertyKey[]) => {
    for (const language of LANGUAGES) {
      (phrases?.[language] ?? []).forEach((phrase, i) => {
        try {
          parsePattern(phrase, (word) => keyOf(language, word));
        } catch (error) {
          if (!(error instanceof PatternError)) throw error;
          problems.push({ file, path: formatPath([...path, language, i]), message: `bad phrase "${phrase}": ${error.message}` });
        }
      });
    }
  };
  for (const [id, concept] of Object.entries(redFlags.concepts)) {
    checkPhrases(concept.terms, ['concepts', id, 'terms']);
    checkPhrases(concept.idioms, ['concepts', id, 'idioms']);
  }
  for (const [kind, triggers] of Object.entries(redFlags.context)) {
    if ('window' in triggers) {
      checkPhrases(triggers.before, ['context', kind, 'before']);
      checkPhrases(triggers.after, ['context', kind, 'after']);
    } else checkPhrases(triggers, ['context', kind]);
  }
  const used = new Set<string>();
  const kinds = new Set<string>();
  redFlags.emergencies.forEach((emergency, e) => {
    if (kinds.has(emergency.kind))
      problems.push({ file, path: formatPath(['emergencies', e, 'kind']), message: `duplicate kind "${emergency.kind}"` });
    kinds.add(emergency.kind);
    emergency.when.forEach((combination, c) =>
      combination.forEach((concept, i) => {
        used.add(concept);
        for (const part of redFlags.composites[concept]?.near ?? []) used.add(part);
        if (!(concept in redFlags.concepts) && !(concept in redFlags.composites)) {
          problems.push({ file, path: formatPath(['emergencies', e, 'when', c, i]), message: `unknown concept "${concept}"` });
        }
      }),
    );
  });
  for (const [id, composite] of Object.entries(redFlags.composites)) {
    if (id in redFlags.concepts) problems.push({ file, path: formatPath(['composites', id]), message: `"${id}" is also a concept` });
    composite.near.forEach((part, i) => {
      if (!(part in redFlags.concepts))
        problems.push({ file, path: formatPath(['composites', id, 'near', i]), message: `unknown concept "${part}"` });
    });
  }
  for (const id of Object.keys(redFlags.concepts)) {
    if (!used.has(id)) problems.push({ file, path: formatPath(['concepts', id]), message: 'concept is not used by any emergency' });
  }
  return problems;
}

/** A therapy without a monograph may not share a name with one that has a monograph, or with another entry. */
function checkOtherTherapies(others: OtherTherapiesT, monographs: { monograph: MonographT }[], file: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const covered = new Map<string, string>();
  for (const { monograph } of monographs) {
    for (const name of [monograph.name, ...monograph.otherNames.map((n) => n.name)]) covered.set(compact(name), monograph.id);
  }
  const seen = new Map<string, string>();
  others.therapies.forEach((therapy, i) => {
    [therapy.name, ...therapy.otherNames].forEach((name, j) => {
      const path = j === 0 ? `therapies[${i}].name` : `therapies[${i}].otherNames[${j - 1}]`;
      const key = compact(name);
      const monograph = covered.get(key);
      if (monograph) problems.push({ file, path, message: `"${name}" is a name of monograph "${monograph}"` });
      const other = seen.get(key);
      if (other !== undefined && other !== therapy.name) problems.push({ file, path, message: `"${name}" already names "${other}"` });
      seen.set(key, therapy.name);
    });
  });
  return problems;
}

/** One line a problem, as printed by start-up and the CLI. */
export function formatProblem(p: DataProblem): string {
  return `${p.file}: ${p.path}: ${p.message}`;
}
