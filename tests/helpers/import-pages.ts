// Fictional consumer monograph pages written blind for the importer's tests (tests/fixtures/import-pages*/), the
// facts their writers expected of each (expected.json), and the importer's reading of a page.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { join } from 'node:path';
import { lexiconMatcher } from '../../src/import/lexicon-matcher';
import { pageLines } from '../../src/import/page-lines';
import { parsePage } from '../../src/import/parse-page';
import { toMonograph } from '../../src/import/to-monograph';
import { shippedKnowledge } from './bot-server';

export const FIXTURES = join(__dirname, '..', 'fixtures');

/** What a page's writer expected the importer to read, in the page's own words; or, for a broken page, the problem. */
export interface ExpectedPage {
  title: string;
  otherNames: string[];
  truncatedNames: boolean;
  uses: { use: string; rating: string }[];
  otherConditionsRating: string | null;
  safetyRatings: string[];
  precautions: { label: string; advice: string }[];
  interactions: { with: string; severity: string; advice?: string }[];
  hasDosing: boolean;
  year: number;
  problem?: string;
  /** The line where a broken page goes wrong, where its writer gave it apart from the problem's words. */
  line?: number;
}

export function expectedPages(dir: string): Record<string, ExpectedPage> {
  return JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, ExpectedPage>;
}

/** The importer's reading of a saved page. */
export const readPage = (file: string) => parsePage(pageLines(readFileSync(file, 'utf8')));

let shipped: ReturnType<typeof lexiconMatcher> | undefined;

/** The shipped lexicon, matched as `npm run import` matches it. */
export function shippedLexicon(): ReturnType<typeof lexiconMatcher> {
  return (shipped ??= lexiconMatcher(shippedKnowledge()));
}

/**
 * The page was read without a problem and gives what its writer expected: title, names, uses and their ratings,
 * the general and safety ratings, precautions with their advice, interactions with their severity (and advice,
 * where the writer gave it), dosing and the copyright year.
 */
export function expectPageFacts(file: string, e: ExpectedPage): void {
  const { page, problems } = readPage(file);
  expect(problems).toEqual([]);
  const p = page!;
  expect(p.title.toLowerCase()).toBe(e.title.toLowerCase());
  expect(p.otherNames).toEqual(e.otherNames);
  expect(p.namesCutShort).toBe(e.truncatedNames);
  expect(p.uses.map((u) => ({ use: u.name, rating: u.rating }))).toEqual(e.uses);
  expect(p.otherConditions ?? null).toBe(e.otherConditionsRating);
  expect([...p.safety!.ratings].sort()).toEqual([...e.safetyRatings].sort());
  expect(p.precautions.map((x) => x.label)).toEqual(e.precautions.map((x) => x.label));
  const interactions = p.interactions === 'none' ? [] : (p.interactions ?? []);
  // "Be cautious with this combination" is the writer's "be cautious".
  const advice = (text?: string) => text?.toLowerCase().replace(/(?: with)? this combination\.?$/, '');
  expect(interactions.map((i) => [i.with, i.severity, ...(e.interactions.some((x) => x.advice) ? [advice(i.advice)] : [])])).toEqual(
    e.interactions.map((i) => [i.with, i.severity, ...(i.advice ? [i.advice] : [])]),
  );
  expect(Boolean(p.dosing?.length)).toBe(e.hasDosing);
  expect(p.copyright?.year).toBe(e.year);
  // Avoid or caution, as the writer read each precaution.
  const imported = toMonograph(p, shippedLexicon(), { licence: 'Test licence', today: '2026-12-04', kind: 'herb', addConditions: true });
  expect(imported.problems).toEqual([]);
  expect(imported.monograph!.precautions.map((x) => x.advice)).toEqual(e.precautions.map((x) => x.advice));
}
