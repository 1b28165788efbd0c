// `npm run import -- PAGE... [--out DIR] [--source-id ID] [--kind therapy|herb|supplement] [--licence TEXT]
//   [--via TEXT] [--data DIR] [--add-conditions] [--dry-run]`: reads consumer monograph pages (saved text or HTML) that the
// organisation holds a licence for and writes one monograph JSON each, in the licensed wording, tied to a source
// record with the licence. Nothing is guessed: a page with a part it cannot read is reported by page and line
// and not written. Re-importing a page prints what changed before writing. See docs/import.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { KnowledgeBase } from '../knowledge/knowledge-base';
import { formatProblem, loadKnowledge } from '../knowledge/load';
import { ConditionLexicon, Monograph, MONOGRAPH_KINDS, TRANSLATED_LANGUAGES, type LexiconEntry } from '../knowledge/schema';
import { checkMonographs, LEXICON_FILE } from '../knowledge/validate';
import { changesBetween } from '../import/changes';
import { pageLines } from '../import/page-lines';
import { parsePage } from '../import/parse-page';
import { toMonograph, type ImportOptions } from '../import/to-monograph';
import { lexiconMatcher } from '../import/lexicon-matcher';
import { clip } from '../text/clip';
import { dataDirForCli } from './shipped-knowledge';

const DEFAULT_LICENCE =
  "Licensed content of the publisher named in this source, used under the deploying organisation's licence; not for redistribution.";

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      'source-id': { type: 'string' },
      kind: { type: 'string' },
      licence: { type: 'string' },
      via: { type: 'string' },
      data: { type: 'string' },
      'add-conditions': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    },
  });
  if (positionals.length === 0) {
    console.error(
      'usage: npm run import -- PAGE... [--out DIR] [--source-id ID] [--kind therapy|herb|supplement] [--licence TEXT] [--via TEXT] [--data DIR] [--add-conditions] [--dry-run]',
    );
    return 2;
  }
  const kind = values.kind as ImportOptions['kind'];
  if (kind && !MONOGRAPH_KINDS.includes(kind)) {
    console.error(`--kind must be one of ${MONOGRAPH_KINDS.join(', ')}`);
    return 2;
  }
  const dataDir = resolve(values.data ?? dataDirForCli());
  const loaded = loadKnowledge(dataDir);
  if (!loaded.ok) {
    console.error(`${dataDir}: the data the pages are mapped to has problems; fix them first`);
    loaded.problems.forEach((p) => console.error(formatProblem(p)));
    return 2;
  }
  const knowledge = new KnowledgeBase(loaded.knowledge);
  const lexicon = lexiconMatcher(knowledge);
  const outDir = resolve(values.out ?? join(dataDir, 'monographs'));
  const today = new Date().toISOString().slice(0, 10);
  const added: LexiconEntry[] = [];
  let failed = 0;

  for (const file of positionals) {
    const content = readFileSync(file, 'utf8');
    const lines = pageLines(content);
    const parsed = parsePage(lines);
    const options: ImportOptions = {
      kind,
      licence: values.licence ?? DEFAULT_LICENCE,
      today,
      ...(values.via ? { via: values.via } : {}),
      ...(values['source-id']
        ? { sourceId: positionals.length > 1 ? `${values['source-id']}-${basename(file).replace(/\.[^.]+$/, '')}` : values['source-id'] }
        : {}),
      addConditions: values['add-conditions'] === true,
    };
    const imported = parsed.page ? toMonograph(parsed.page, lexicon, options) : { problems: parsed.problems, newEntries: [] };
    const monograph = imported.monograph;
    const lexiconEntries = [...loaded.knowledge.lexicon, ...added, ...imported.newEntries];
    const target = monograph ? join(outDir, `${monograph.id}.json`) : '';
    const invalid = monograph ? checkMonographs([{ file: target, monograph }], lexiconEntries) : [];
    const schema = monograph ? Monograph.safeParse(monograph) : undefined;
    if (!monograph || invalid.length > 0 || (schema && !schema.success)) {
      failed++;
      // The line quoted too: in an HTML page the number is that of its text as read (see page-lines.ts).
      for (const p of imported.problems) console.error(`${file}:${p.line}: ${p.message}${quoted(lines[p.line - 1]?.text)}`);
      for (const p of invalid) console.error(`${file}: ${p.path}: ${p.message}`);
      if (schema && !schema.success)
        for (const issue of schema.error.issues) console.error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
      console.error(`${file}: not written`);
      continue;
    }
    if (existsSync(target)) {
      const before = Monograph.safeParse(JSON.parse(readFileSync(target, 'utf8')));
      const changes = before.success ? changesBetween(before.data, monograph) : ['(the existing file does not validate: replaced)'];
      console.log(`${file}: changes from ${target}:`);
      for (const change of changes.length ? changes : ['no change in ratings, precautions or interactions']) console.log(`  ${change}`);
    }
    if (values['dry-run']) {
      console.log(`${file}: would write ${target} (--dry-run: nothing written)`);
      continue;
    }
    mkdirSync(outDir, { recursive: true });
    writeFileSync(target, `${JSON.stringify(monograph, null, 2)}\n`);
    added.push(...imported.newEntries.filter((e) => !added.some((a) => a.id === e.id)));
    console.log(
      `${file}: wrote ${target} (${monograph.uses.length} uses, ${monograph.precautions.length} precautions, ${monograph.interactions.known.length} interactions)`,
    );
  }

  if (added.length > 0 && !values['dry-run']) {
    const lexiconFile = join(dataDir, LEXICON_FILE);
    const current = ConditionLexicon.parse(JSON.parse(readFileSync(lexiconFile, 'utf8')));
    const fresh = added.filter((e) => !current.conditions.some((c) => c.id === e.id));
    writeFileSync(lexiconFile, `${JSON.stringify({ conditions: [...current.conditions, ...fresh] }, null, 2)}\n`);
    console.log(
      `${lexiconFile}: added ${fresh.length} lexicon entries for review (name, kind, synonyms): ${fresh.map((e) => e.id).join(', ')}`,
    );
    // Each language names every lexicon entry: the English name stands in until a person translates it.
    for (const language of TRANSLATED_LANGUAGES) {
      const file = join(dataDir, 'languages', `${language}.json`);
      if (!existsSync(file)) continue;
      const translation = JSON.parse(readFileSync(file, 'utf8')) as { lexiconNames: Record<string, string> };
      for (const entry of fresh) translation.lexiconNames[entry.id] ??= entry.name;
      writeFileSync(file, `${JSON.stringify(translation, null, 2)}\n`);
      console.log(`${file}: the new entries' names are in English until translated`);
    }
  }
  return failed > 0 ? 1 : 0;
}

function quoted(line: string | undefined): string {
  const text = line?.trim();
  if (!text) return '';
  return ` (line: "${clip(text, 70)}")`;
}

process.exitCode = main(process.argv.slice(2));
