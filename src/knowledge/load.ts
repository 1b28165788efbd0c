// Reads everything in a data directory, parses each file with its schema and runs the checks of
// validate.ts. All problems are collected (file, JSON path, message) so a maintainer can fix them in one
// go; any problem at all means no knowledge is returned, so the bot never serves partial data.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, basename } from 'node:path';
import type { z } from 'zod';
import {
  isLicensedImport,
  ConditionLexicon,
  Cues,
  LanguageData,
  RedFlagExample,
  Monograph,
  OtherTherapies,
  RatingScales,
  RedFlags,
  Replies,
  EmergencyNumbers,
  TRANSLATED_LANGUAGES,
  Translation,
  type TranslatedLanguage,
  type EmergencyNumbers as EmergencyNumbersT,
  type Translation as TranslationT,
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
import { formatPath, type DataProblem } from './problems';
import {
  checkEmergencyNumbers,
  checkEmergencyReplies,
  checkLexiconNames,
  checkPlaceholders,
  checkTranslatedMonographs,
} from './validate-translations';
import { LEXICON_FILE, checkCues, checkLexicon, checkMonographs, checkOtherTherapies, checkPatterns, checkRedFlags } from './validate';

export { formatProblem, type DataProblem } from './problems';

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
  emergencyNumbers: EmergencyNumbersT;
  /** Each other language's replies, rating words, lexicon names and monographs (in the English ones' order). */
  translations: Record<TranslatedLanguage, TranslationT & { monographs: MonographT[] }>;
}

export type LoadResult = { ok: true; knowledge: Knowledge } | { ok: false; problems: DataProblem[] };

const RATINGS_FILE = 'ratings.json';
const CUES_FILE = 'cues.json';
const REPLIES_FILE = 'replies.json';
const RED_FLAGS_FILE = 'red-flags.json';
const OTHER_THERAPIES_FILE = 'other-therapies.json';
const LANGUAGE_FILE = 'language.json';
const RED_FLAG_EXAMPLES_FILE = 'red-flag-examples.jsonl';
const MONOGRAPH_DIR = 'monographs';
const EMERGENCY_NUMBERS_FILE = 'emergency-numbers.json';
/** data/languages/<language>.json; translated monographs are in monographs/<language>/. */
const LANGUAGES_DIR = 'languages';

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

  const emergencyNumbers = read(join(dir, EMERGENCY_NUMBERS_FILE), EmergencyNumbers);

  /** `required`: the directory must hold monographs (translations need none when every monograph is a licensed import). */
  const readMonographs = (monographDir: string, required = true) => {
    const files = required || existsSync(monographDir) ? listJsonFiles(monographDir, display(monographDir), problems, required) : [];
    const parsed = files.map((file) => ({ file: display(file), monograph: read(file, Monograph) }));
    return { files, monographs: parsed.filter((m): m is { file: string; monograph: MonographT } => m.monograph !== undefined) };
  };
  const { files: monographFiles, monographs } = readMonographs(join(dir, MONOGRAPH_DIR));

  const lexiconProblems = lexicon ? checkLexicon(lexicon, display(join(dir, LEXICON_FILE))) : [];
  problems.push(...lexiconProblems);
  const monographNames = new Map<string, string>();
  const monographProblems = checkMonographs(monographs, lexicon, monographNames);
  problems.push(...monographProblems);
  // Monograph ids by file name too, so a monograph that failed validation does not also fail the cues.
  const monographIds = [...monographs.map((m) => m.monograph.id), ...monographFiles.map((f) => basename(f, '.json'))];
  // Translations are compared only with English monographs without problems of their own (fix the English
  // first); a translation of no English monograph at all is reported.
  const englishProblems = new Set(monographProblems.map((p) => p.file));
  const sound = monographs.filter((m) => !englishProblems.has(m.file)).map((m) => m.monograph);
  const soundIds = new Set(sound.map((m) => m.id));
  const englishIds = new Set(monographIds);
  const translations = Object.fromEntries(
    TRANSLATED_LANGUAGES.map((language) => {
      const file = join(dir, LANGUAGES_DIR, `${language}.json`);
      const translation = read(file, Translation);
      const translatedDir = join(dir, MONOGRAPH_DIR, language);
      const translated = readMonographs(translatedDir, !monographs.every((m) => isLicensedImport(m.monograph))).monographs;
      if (translation && replies) problems.push(...checkPlaceholders(replies, translation.replies, display(file), ['replies']));
      if (translation && ratings) problems.push(...checkPlaceholders(ratings, translation.ratings, display(file), ['ratings']));
      if (translation && redFlags) problems.push(...checkEmergencyReplies(translation.replies, redFlags, display(file)));
      // Names are checked against a sound lexicon only: a broken one is reported once, in its own file.
      if (translation && lexicon && lexiconProblems.length === 0)
        problems.push(...checkLexiconNames(translation.lexiconNames, lexicon, display(file)));
      const compared = translated.filter((t) => soundIds.has(t.monograph.id) || !englishIds.has(t.monograph.id));
      problems.push(...checkTranslatedMonographs(sound, compared, language, display(translatedDir)));
      // A licensed import exists only in its publisher's words: other languages answer from it as it is.
      const translatedById = new Map(translated.map((t) => [t.monograph.id, t.monograph]));
      const inOrder = monographs.map(
        (m) => translatedById.get(m.monograph.id) ?? (isLicensedImport(m.monograph) ? m.monograph : undefined),
      );
      return [language, translation && { ...translation, monographs: inOrder }];
    }),
  ) as Record<TranslatedLanguage, (TranslationT & { monographs: (MonographT | undefined)[] }) | undefined>;
  const wordLists = cues?.wordLists ?? {};
  if (lexicon)
    problems.push(
      ...checkPatterns({ conditions: lexicon.map((e) => ({ patterns: e.patterns ?? [] })) }, display(join(dir, LEXICON_FILE)), wordLists),
    );
  if (cues) problems.push(...checkCues(cues, display(join(dir, CUES_FILE)), lexicon, monographIds));
  if (redFlags) problems.push(...checkRedFlags(redFlags, display(join(dir, RED_FLAGS_FILE))));
  if (redFlags && replies) problems.push(...checkEmergencyReplies(replies, redFlags, display(join(dir, REPLIES_FILE))));
  if (emergencyNumbers) problems.push(...checkEmergencyNumbers(emergencyNumbers, display(join(dir, EMERGENCY_NUMBERS_FILE))));
  if (otherTherapies) problems.push(...checkOtherTherapies(otherTherapies, monographNames, display(join(dir, OTHER_THERAPIES_FILE))));

  if (problems.length > 0 || !ratings || !lexicon || !cues || !replies || !redFlags || !otherTherapies || !language || !emergencyNumbers)
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
    emergencyNumbers,
    // With no problem reported, every translation and translated monograph was read.
    translations: translations as Knowledge['translations'],
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

function listJsonFiles(dir: string, shown: string, problems: DataProblem[], required = true): string[] {
  try {
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
    if (files.length === 0 && required) problems.push({ file: shown, path: '(file)', message: 'no monograph files (*.json) found' });
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
