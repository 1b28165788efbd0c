// `npm run import`, for real, into a copy of the shipped data: fictional pages become monographs that pass
// validation; a page with an unreadable part and a use the lexicon does not know are refused with the page and
// the line; a newer version of a page prints what changed; and the bot, started on that data, answers from them.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/processes';
import { SHIPPED_DATA } from '../helpers/data';

const PAGES = join(__dirname, '..', 'fixtures', 'import-pages');
const page = (name: string) => join(PAGES, name);

/** The cues without the shipped therapy's descriptions ("the skull one"), which name its monograph. */
function withoutDescriptions(cues: string): string {
  const parsed = JSON.parse(cues) as { descriptions: object; languages: Record<string, { descriptions?: object }> };
  parsed.descriptions = {};
  for (const language of Object.values(parsed.languages)) language.descriptions = {};
  return JSON.stringify(parsed);
}

function dataCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'import-')), 'data');
  cpSync(SHIPPED_DATA, dir, { recursive: true });
  return dir;
}

describe('npm run import', () => {
  let data: string;
  beforeAll(() => {
    data = dataCopy();
    const herb = runCli('cli/import.js', [page('velmora-root.txt'), '--data', data, '--kind', 'herb', '--add-conditions']);
    expect(herb.stderr).toBe('');
    expect(herb.status).toBe(0);
    expect(runCli('cli/import.js', [page('sunthistle.txt'), '--data', data, '--kind', 'supplement', '--add-conditions']).status).toBe(0);
    // A therapy's kind is in its name.
    expect(runCli('cli/import.js', [page('orrin-bark-therapy.txt'), '--data', data, '--add-conditions']).status).toBe(0);
  });

  it('writes monographs that pass validate-data, with new lexicon entries for a person to review', () => {
    const validation = runCli('cli/validate-data.js', [data]);
    expect(validation.stderr).toBe('');
    expect(validation.stdout).toMatch(/valid: 4 monograph\(s\)/);
    const monograph = JSON.parse(readFileSync(join(data, 'monographs', 'velmora-root.json'), 'utf8')) as {
      sources: { licence?: string; imported?: string }[];
      interactions: { known: { severity?: string }[] };
      dosing?: unknown;
    };
    expect(monograph.sources[0].licence).toBeTruthy();
    expect(monograph.sources[0].imported).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(monograph.interactions.known.map((k) => k.severity)).toEqual(['major', 'moderate', 'moderate', 'minor']);
    expect(monograph.dosing).toBeDefined();
    const lexicon = readFileSync(join(data, 'conditions.json'), 'utf8');
    expect(lexicon).toContain('"id": "hangover"');
  });

  it('the bot started on that data answers about each, and condition-first questions list them with their ratings', () => {
    const cases = join(data, '..', 'cases.jsonl');
    const turn = (text: string, must: string[]) => ({ text, must });
    writeFileSync(
      cases,
      [
        { id: 'velmora-migraine', category: 'imported', turns: [turn('does velmora root help migraines?', ['Likely effective'])] },
        {
          id: 'velmora-interactions',
          category: 'imported',
          turns: [turn('what medicines interact with velmora root?', ['Sedative medications', 'Do not take'])],
        },
        { id: 'sunthistle-pregnancy', category: 'imported', turns: [turn('is sunthistle safe while pregnant?', ['Pregnancy', 'avoid'])] },
        { id: 'orrin-what', category: 'imported', turns: [turn('what is orrin bark therapy?', ['orrin'])] },
        {
          id: 'orrin-dosing',
          category: 'imported',
          turns: [turn('how often should I have orrin bark therapy?', ["don't have information"])],
        },
        {
          id: 'velmora-practice',
          category: 'imported',
          turns: [turn('who offers velmora root?', ["don't have information on who offers"])],
        },
        { id: 'hangover-first', category: 'imported', turns: [turn('what helps a hangover?', ['Velmora root', 'Likely ineffective'])] },
        { id: 'spanish', category: 'imported', locale: 'es-ES', turns: [turn('¿la raíz de velmora ayuda con la migraña?', ['Velmora'])] },
      ]
        .map((c) => JSON.stringify(c))
        .join('\n'),
    );
    const run = runCli('cli/eval.js', [cases, '--json', join(data, '..', 'report.json')], { DATA_DIR: data });
    expect(run.stdout).toMatch(/^eval: 8\/8 passed/m);
  });

  it("an organisation's data may hold only its imports, in English only: no Spanish or French monographs needed", () => {
    const own = dataCopy();
    const run = runCli('cli/import.js', [page('orrin-bark-therapy.txt'), '--data', own, '--add-conditions']);
    expect(run.status).toBe(0);
    // The shipped monograph and its translations taken out: what is left is the import alone.
    for (const dir of ['monographs', 'monographs/es', 'monographs/fr']) rmSync(join(own, dir, 'craniosacral-therapy.json'));
    rmSync(join(own, 'cues.json'));
    writeFileSync(join(own, 'cues.json'), withoutDescriptions(readFileSync(join(SHIPPED_DATA, 'cues.json'), 'utf8')));
    const validation = runCli('cli/validate-data.js', [own]);
    expect(validation.stderr).toBe('');
    expect(validation.stdout).toMatch(/valid: 1 monograph\(s\)/);
  });

  it('refuses a page with a part it cannot read, naming the page and the line, and writes nothing', () => {
    const copy = dataCopy();
    const run = runCli('cli/import.js', [page('broken-unknown-rating.txt'), '--data', copy, '--kind', 'herb']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${page('broken-unknown-rating.txt')}:24: unknown rating heading "Probably Effective for:"`);
    expect(run.stderr).toContain('not written');
    expect(runCli('cli/validate-data.js', [copy]).stdout).toMatch(/valid: 1 monograph\(s\)/);
  });

  it('refuses a use no lexicon entry names, listing the closest, unless asked to add entries', () => {
    const copy = dataCopy();
    const run = runCli('cli/import.js', [page('velmora-root.txt'), '--data', copy, '--kind', 'herb']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/velmora-root\.txt:\d+: "Altitude sickness" matches no lexicon entry; closest: .*motion-sickness/);
    expect(existsSync(join(copy, 'monographs', 'velmora-root.json'))).toBe(false);
  });

  it('prints what a newer version of a page changes before writing it; --dry-run writes nothing', () => {
    const v2 = join(data, '..', 'velmora-root.txt');
    writeFileSync(v2, readFileSync(page('velmora-root-v2.txt')));
    const before = readFileSync(join(data, 'monographs', 'velmora-root.json'), 'utf8');
    const dry = runCli('cli/import.js', [v2, '--data', data, '--kind', 'herb', '--add-conditions', '--dry-run']);
    expect(dry.stdout).toContain('rating changed: anxiety possibly-effective → likely-effective');
    expect(readFileSync(join(data, 'monographs', 'velmora-root.json'), 'utf8')).toBe(before);

    const run = runCli('cli/import.js', [v2, '--data', data, '--kind', 'herb', '--add-conditions']);
    expect(run.status).toBe(0);
    const changes = run.stdout.split('\n').filter((line) => line.startsWith('  '));
    expect(changes).toEqual([
      '  rating changed: anxiety possibly-effective → likely-effective',
      '  use added: dandruff (insufficient-evidence)',
      '  precaution added: Low blood pressure (caution)',
      '  precaution removed: Allergy to plants in the mint family',
      '  interaction changed: Medications that can harm the liver (Hepatotoxic drugs) moderate → major',
      '  interaction removed: Lithium',
    ]);
    expect(run.stdout.indexOf('changes from')).toBeLessThan(run.stdout.indexOf('wrote'));
  });
});
