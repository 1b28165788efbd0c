// A second set of fictional pages, written blind by a helper who saw neither the importer nor the first set
// (tests/fixtures/import-pages-unseen): scored, never read while building the importer. The same checks as
// pages.test.ts. Broken pages must be refused with a problem within two lines of where their writer said the
// page goes wrong (writers differ on whether an interaction entry without its medicine is at the entry or at
// the line that should have named the medicine).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageLines } from '../../src/import/page-lines';
import { parsePage } from '../../src/import/parse-page';
import { toMonograph } from '../../src/import/to-monograph';
import { Understanding } from '../../src/understanding/understand';
import { shippedKnowledge } from '../helpers/bot-server';

const DIR = join(__dirname, '..', 'fixtures', 'import-pages-unseen');

interface Expected {
  title: string;
  otherNames: string[];
  truncatedNames: boolean;
  uses: { use: string; rating: string }[];
  otherConditionsRating: string | null;
  safetyRatings: string[];
  precautions: { label: string; advice: string }[];
  interactions: { with: string; severity: string }[];
  hasDosing: boolean;
  year: number;
  problem?: string;
  line?: number;
}
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, Expected>;
const pages = readdirSync(DIR).filter((f) => /\.(txt|html)$/.test(f));
const read = (file: string) => parsePage(pageLines(readFileSync(join(DIR, file), 'utf8')));
const understanding = new Understanding(shippedKnowledge());
const lexicon = {
  exactly: (text: string) => [
    ...new Set(
      understanding
        .understand(text)
        .conditions.filter((c) => c.score >= 1)
        .map((c) => c.id),
    ),
  ],
  closest: () => [],
};

describe('pages never seen while building the importer', () => {
  it('every page has its expected facts', () => expect(pages.every((f) => f in expected)).toBe(true));

  it.each(pages.filter((f) => !expected[f]?.problem))('%s: the facts its writer expected', (file) => {
    const e = expected[file];
    const { page, problems } = read(file);
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
    expect(interactions.map((i) => [i.with, i.severity])).toEqual(e.interactions.map((i) => [i.with, i.severity]));
    expect(Boolean(p.dosing?.length)).toBe(e.hasDosing);
    expect(p.copyright?.year).toBe(e.year);
    const imported = toMonograph(p, lexicon, { licence: 'Test licence', today: '2026-12-04', kind: 'herb', addConditions: true });
    expect(imported.problems).toEqual([]);
    expect(imported.monograph!.precautions.map((x) => x.advice)).toEqual(e.precautions.map((x) => x.advice));
  });

  it.each(pages.filter((f) => expected[f]?.problem))('%s: refused, with a problem where the page goes wrong', (file) => {
    const { page, problems } = read(file);
    expect(page).toBeUndefined();
    expect(problems.some((p) => Math.abs(p.line - expected[file].line!) <= 2)).toBe(true);
  });
});
