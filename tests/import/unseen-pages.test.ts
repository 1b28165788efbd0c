// A second set of fictional pages, written blind by a helper who saw neither the importer nor the first set
// (tests/fixtures/import-pages-unseen): scored, never read while building the importer. The same checks as
// pages.test.ts. Broken pages must be refused with a problem within two lines of where their writer said the
// page goes wrong (writers differ on whether an interaction entry without its medicine is at the entry or at
// the line that should have named the medicine).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, expectPageFacts, expectedPages, readPage } from '../helpers/import-pages';

const DIR = join(FIXTURES, 'import-pages-unseen');

const expected = expectedPages(DIR);
const pages = readdirSync(DIR).filter((f) => /\.(txt|html)$/.test(f));
const read = (file: string) => readPage(join(DIR, file));

describe('pages never seen while building the importer', () => {
  it('every page has its expected facts', () => expect(pages.every((f) => f in expected)).toBe(true));

  it.each(pages.filter((f) => !expected[f]?.problem))('%s: the facts its writer expected', (file) =>
    expectPageFacts(join(DIR, file), expected[file]),
  );

  it.each(pages.filter((f) => expected[f]?.problem))('%s: refused, with a problem where the page goes wrong', (file) => {
    const { page, problems } = read(file);
    expect(page).toBeUndefined();
    expect(problems.some((p) => Math.abs(p.line - expected[file].line!) <= 2)).toBe(true);
  });
});
