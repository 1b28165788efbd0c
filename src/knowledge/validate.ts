// The checks that span files or entries, after each file has passed its schema: unique ids and names,
// cross-references (a use naming an unknown condition, a statement citing an unrecorded source), patterns
// that parse, red flags that are consistent. Each returns the problems it finds.
import { basename } from 'node:path';
import type {
  Cues as CuesT,
  LexiconEntry,
  Monograph as MonographT,
  OtherTherapies as OtherTherapiesT,
  RedFlags as RedFlagsT,
} from './schema';
import { formatPath, type DataProblem } from './problems';
import { compact } from '../text/normalise';
import { PatternError, expandMacros, parsePattern } from '../text/phrases';
import { LANGUAGES, keyOf } from '../text/lemmas';

/** The lexicon's file, named in problems about the lexicon found while checking other files. */
export const LEXICON_FILE = 'conditions.json';

/** Lexicon ids are unique and no word points at two entries. */
export function checkLexicon(lexicon: LexiconEntry[], file: string): DataProblem[] {
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

/**
 * Cross-references: ids and names unique across monographs; uses, precautions and statements point at things
 * that exist. Fills `names` with each name, compacted, and the monograph it belongs to, for checkOtherTherapies
 * (normalising every name again took a tenth of start-up at thousands of monographs).
 */
export function checkMonographs(
  items: { file: string; monograph: MonographT }[],
  lexicon: LexiconEntry[] | undefined,
  names = new Map<string, string>(),
): DataProblem[] {
  const problems: DataProblem[] = [];
  const lexiconIds = new Set(lexicon?.map((entry) => entry.id));
  const monographIds = new Map<string, string>();

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
    forEachSourceReference(monograph, (source, path) => {
      if (!sourceIds.has(source)) add(path(), `unknown source "${source}" (not in sources)`);
    });

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

/**
 * Calls `found` with every source id a monograph cites and a way to write out where it stands ("uses[3].source"),
 * so each fact can be traced to a recorded source. Found by walking the monograph rather than listed by hand:
 * whatever carries a "source" is a reference, so a section added to the schema is checked without a change
 * here. The path is written out only when asked for (a problem to report): most references are fine.
 */
function forEachSourceReference(m: MonographT, found: (source: string, path: () => string) => void): void {
  const path: (string | number)[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visitChild(i, value[i]);
    } else if (value !== null && typeof value === 'object') {
      for (const key in value) visitChild(key, (value as Record<string, unknown>)[key]);
    }
  };
  const visitChild = (key: string | number, child: unknown) => {
    if (key === 'source' && typeof child === 'string') found(child, () => formatPath([...path, key]));
    else if (child !== null && typeof child === 'object') {
      path.push(key);
      visit(child);
      path.pop();
    }
  };
  visit(m);
}

/** Every phrase in cue and red-flag files must parse in the pattern language of src/text/phrases.ts. */
export function checkPatterns(json: unknown, file: string, wordLists: Record<string, string[]>): DataProblem[] {
  const problems: DataProblem[] = [];
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      const key = path[path.length - 1];
      if (key === 'kind') return; // red flags' names are not phrases
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
export function checkCues(cues: CuesT, file: string, lexicon: LexiconEntry[] | undefined, monographIds: string[]): DataProblem[] {
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
export function checkRedFlags(redFlags: RedFlagsT, file: string): DataProblem[] {
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

/**
 * A therapy without a monograph may not share a name with one that has a monograph, or with another entry.
 * `covered`: each monograph name, compacted, and its monograph, as checkMonographs fills it.
 */
export function checkOtherTherapies(others: OtherTherapiesT, covered: ReadonlyMap<string, string>, file: string): DataProblem[] {
  const problems: DataProblem[] = [];
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
