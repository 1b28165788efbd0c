// Turns a parsed page into a monograph in the project's format, keeping the licensed wording sentence by
// sentence, each statement tied to one source record (title, publisher, year, licence, import date). Uses and
// precautions are mapped to the lexicon only where a lexicon entry names them exactly; a use nothing names is
// a problem that lists the closest entries (or, when asked, a new lexicon entry for a person to review).
import type { LexiconEntry, Monograph, OtherName, Precaution, SafetyRating, Source, Statement } from '../knowledge/schema';
import { SAFETY_RATINGS } from '../knowledge/schema';
import type { ParsedPage, PageProblem } from './parse-page';
import { compact } from '../text/normalise';
import { inSentence, sentenceCase } from '../answers/wording';

/** What the importer needs of the lexicon it maps to. */
export interface LexiconMatcher {
  /** Lexicon ids that name the text outright (no spelling correction, no guess). */
  exactly(text: string): string[];
  /** The nearest entries, for a reviewer to choose from. */
  closest(text: string): string[];
}

export interface ImportOptions {
  kind?: Monograph['kind'];
  sourceId?: string;
  licence: string;
  /** Where the page was read, when not at the publisher ("WebMD Vitamins & Supplements"). */
  via?: string;
  /** YYYY-MM-DD: the import date, also the monograph's review date until a person reviews it. */
  today: string;
  /** Write a lexicon entry for a use or population that no entry names, instead of refusing. */
  addConditions?: boolean;
}

export interface Imported {
  monograph?: Monograph;
  problems: PageProblem[];
  /** New lexicon entries the monograph refers to (only with addConditions). */
  newEntries: LexiconEntry[];
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Titles and abbreviations whose full stop does not end a sentence ("Dr. John Upledger"). */
const NOT_AN_END = /\b(?:Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|vs|etc|approx|No|Fig|e\.g|i\.e)\.$/i;

/** A paragraph's sentences, as the page wrote them. */
export function sentences(paragraph: string): string[] {
  const segments = [...segmenter.segment(paragraph)].map((s) => s.segment.trim()).filter((s) => s !== '');
  const merged: string[] = [];
  for (const segment of segments) {
    const last = merged.length - 1;
    if (last >= 0 && NOT_AN_END.test(merged[last])) merged[last] = `${merged[last]} ${segment}`;
    else merged.push(segment);
  }
  return merged;
}

function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Safety ratings from safest to least safe: a page that gives several (by route, by duration) is held to its least safe. */
const SAFETY_ORDER: readonly SafetyRating[] = [
  'likely-safe',
  'possibly-safe',
  'insufficient-information',
  'possibly-unsafe',
  'likely-unsafe',
  'unsafe',
];

export function toMonograph(page: ParsedPage, lexicon: LexiconMatcher, options: ImportOptions): Imported {
  const problems: PageProblem[] = [];
  const newEntries: LexiconEntry[] = [];
  const id = slugOf(page.title);
  const sourceId = options.sourceId ?? `licensed-${id}`;
  const said = (paragraphs: readonly string[]): Statement[] => paragraphs.flatMap(sentences).map((text) => ({ text, source: sourceId }));

  const kind = options.kind ?? (/\btherapy\b/i.test(page.title) ? 'therapy' : undefined);
  if (!kind) problems.push({ line: 1, message: `cannot tell whether "${page.title}" is a herb or a supplement: pass --kind` });

  /** A new lexicon entry named as the page names it, for a person to review (--add-conditions). */
  const addEntry = (text: string, kindOfEntry: LexiconEntry['kind']): string => {
    const entry: LexiconEntry = { id: slugOf(text), name: text.toLowerCase(), kind: kindOfEntry, synonyms: [] };
    if (!newEntries.some((e) => e.id === entry.id)) newEntries.push(entry);
    return entry.id;
  };

  /** A lexicon id for a use or population, or a problem (or, when allowed, a new entry) when none names it. */
  const lexiconIds = (text: string, line: number, kindOfEntry: LexiconEntry['kind']): string[] => {
    const ids = lexicon.exactly(text);
    if (ids.length > 0) return ids;
    if (options.addConditions) return [addEntry(text, kindOfEntry)];
    const near = lexicon.closest(text);
    problems.push({
      line,
      message: `"${text}" matches no lexicon entry${near.length ? `; closest: ${near.join(', ')}` : ''} (add one, or import with --add-conditions)`,
    });
    return [];
  };

  const uses = page.uses.flatMap((use) => {
    let ids = lexiconIds(use.name, use.line, 'condition');
    if (ids.length > 1 && options.addConditions) ids = [addEntry(use.name, 'condition')];
    else if (ids.length > 1) {
      // "Migraine in children": a use of several entries at once is for a reviewer to place.
      problems.push({
        line: use.line,
        message: `"${use.name}" names several lexicon entries (${ids.join(', ')}): add one entry for it, or import with --add-conditions`,
      });
      return [];
    }
    return ids.length === 1
      ? [{ condition: ids[0], rating: use.rating, ...(use.detail ? { note: use.detail } : {}), source: sourceId }]
      : [];
  });
  for (const [i, use] of uses.entries())
    if (uses.findIndex((u) => u.condition === use.condition) !== i)
      problems.push({ line: page.uses[i]?.line ?? 1, message: `"${use.condition}" is rated twice on the page` });

  const precautions: Precaution[] = page.precautions.map((p) => {
    const text = p.paragraphs.join(' ');
    const effects = reportedEffects(text);
    return {
      id: slugOf(p.label),
      label: p.label,
      appliesTo: lexiconIds(p.label, p.line, 'population'),
      advice: /\b(?:avoid|do not use|don[’']t use|not use|stop (?:using|taking))\b/i.test(text) ? 'avoid' : 'caution',
      statements: said(p.paragraphs),
      ...(effects ? { reportedEffects: effects } : {}),
    };
  });

  const howItWorks = splitClaims(said(page.howItWorks));
  const practice = practiceOf(page.overview, sourceId);
  const safety = page.safety!;
  const source: Source = {
    id: sourceId,
    title: page.title,
    publisher: page.copyright!.publisher,
    year: page.copyright!.year,
    ...(options.via ? { via: options.via } : {}),
    licence: options.licence,
    imported: options.today,
  };
  const interactions =
    page.interactions === 'none' || page.interactions === undefined
      ? {
          known: [],
          statements: [{ text: `There is no information on interactions with ${inSentence(sentenceCase(page.title))}.`, source: sourceId }],
        }
      : {
          known: page.interactions.map((i) => ({
            with: i.with,
            severity: i.severity,
            ...(i.advice ? { advice: i.advice } : {}),
            statements: said(
              i.paragraphs.length > 0 ? i.paragraphs : [`${i.with} interacts with ${inSentence(sentenceCase(page.title))}.`],
            ),
          })),
          statements: [],
        };

  if (problems.length > 0 || !kind) return { problems, newEntries };
  const monograph: Monograph = {
    id,
    name: sentenceCase(page.title),
    kind,
    otherNames: distinctNames(page.otherNames, page.title).map(otherName),
    overview: said(page.overview),
    ...(howItWorks ? { howItWorks } : {}),
    ...(practice ? { practice } : {}),
    uses,
    ...(page.otherConditions ? { otherConditions: { rating: page.otherConditions, source: sourceId } } : {}),
    safety: { rating: leastSafe(safety.ratings), statements: said(safety.paragraphs) },
    precautions,
    interactions,
    ...(page.dosing && page.dosing.length > 0 ? { dosing: { statements: said(page.dosing) } } : {}),
    sources: [source],
    reviewed: options.today,
  };
  return { monograph, problems, newEntries };
}

function leastSafe(ratings: readonly SafetyRating[]): SafetyRating {
  return [...ratings].sort((a, b) => SAFETY_ORDER.indexOf(b) - SAFETY_ORDER.indexOf(a))[0] ?? SAFETY_RATINGS[5];
}

/** "… worsened their head pain, nausea, …, and other symptoms." → each symptom as the page names it. */
function reportedEffects(text: string): string[] | undefined {
  const list = text.match(/\breported\b[^.]*?\b(?:worsened|worsens|made worse|worse)\s+(?:their\s+|the\s+)?([^.]+)\./i)?.[1];
  if (!list) return undefined;
  const effects = list
    .split(/\s*,\s*|\s+and\s+/)
    .map((e) => e.replace(/^(?:and|or)\s+/i, '').trim())
    .filter((e) => e !== '');
  return effects.length > 1 ? effects : undefined;
}

/** How it works: what practitioners believe or claim, and what is known (everything else the section says). */
function splitClaims(statements: Statement[]): Monograph['howItWorks'] {
  if (statements.length === 0) return undefined;
  const isClaim = (s: Statement) =>
    /\b(?:believe[sd]?|claim(?:s|ed)?|think|thought|theor(?:y|ize|ise)|supposed(?:ly)?|said to)\b/i.test(s.text);
  return { claims: statements.filter(isClaim), evidence: statements.filter((s) => !isClaim(s)) };
}

/** Who practises it ("… is used by massage therapists, chiropractors, …") and what the overview says of regulation. */
function practiceOf(overview: readonly string[], source: string): Monograph['practice'] {
  const all = overview.flatMap(sentences);
  const who = all.map((s) => s.match(/\b(?:is|are) (?:used|practi[sc]ed|offered|performed) by ([^.]+)\./i)?.[1]).find(Boolean);
  const names = who
    ?.split(/\s*,\s*|\s+and\s+/)
    .map((n) => n.replace(/^(?:and|or)\s+/i, '').trim())
    .filter((n) => n !== '');
  const regulation = all.filter((s) => /\b(?:licen[sc]ed|regulated|regulation|standards|certif(?:ied|ication))\b/i.test(s));
  if (!names?.length && regulation.length === 0) return undefined;
  return {
    ...(names?.length ? { practitioners: { names, source } } : {}),
    regulation: regulation.map((text) => ({ text, source })),
  };
}

/** Each name once (pages list some twice, spaced or capitalised differently), and not the remedy's own name. */
function distinctNames(names: readonly string[], title: string): string[] {
  const seen = new Set([compact(title)]);
  return names.filter((name) => !seen.has(compact(name)) && seen.add(compact(name)));
}

/** A listed name. The page does not say which language a name is in ("und", undetermined, until a reviewer
 * says); names in capitals (CST) are abbreviations. */
function otherName(name: string): OtherName {
  const abbreviation = /^[A-Z0-9]{2,6}$/.test(name);
  return { name, language: 'und', ...(abbreviation ? { abbreviation: true } : {}) };
}
