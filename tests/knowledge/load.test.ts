import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadKnowledge, type DataProblem } from '../../src/knowledge/load';
import { CST_FILE, SHIPPED_DATA, copyOfData, editJson, writeRaw } from '../helpers/data';

function problemsOf(dir: string): DataProblem[] {
  const result = loadKnowledge(dir);
  if (result.ok) throw new Error('expected the data to be rejected');
  return result.problems;
}

describe('loadKnowledge on the shipped data', () => {
  it('loads every monograph, the lexicon, ratings, cues and replies', () => {
    const result = loadKnowledge(SHIPPED_DATA);
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.file} ${p.path} ${p.message}`).join('\n'));
    const cst = result.knowledge.monographs.find((m) => m.id === 'craniosacral-therapy');
    expect(cst?.uses.length).toBe(18);
    expect(cst?.uses.every((u) => u.rating === 'insufficient-evidence')).toBe(true);
    expect(cst?.dosing).toBeUndefined();
    expect(cst?.interactions.known).toEqual([]);
    expect(cst?.precautions.map((p) => p.id)).toEqual(['pregnancy-and-breast-feeding', 'brain-injury']);
    expect(result.knowledge.ratings.evidence['insufficient-evidence'].meaning).toMatch(/not enough/i);
  });
});

describe('loadKnowledge rejects invalid data with file and JSON path', () => {
  it('reports an unknown evidence rating', () => {
    const dir = copyOfData();
    editJson(dir, CST_FILE, (m) => (m.uses[2].rating = 'kind-of-works'));
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toContain(join('monographs', 'craniosacral-therapy.json'));
    expect(problems[0].path).toBe('uses[2].rating');
    expect(problems[0].message).toMatch(/insufficient-evidence/);
  });

  it('reports a use naming a condition missing from the lexicon', () => {
    const dir = copyOfData();
    editJson(dir, CST_FILE, (m) => (m.uses[0].condition = 'no-such-condition'));
    const [problem] = problemsOf(dir);
    expect(problem.path).toBe('uses[0].condition');
    expect(problem.message).toMatch(/unknown condition "no-such-condition"/);
  });

  it('reports a precaution applying to an unknown population', () => {
    const dir = copyOfData();
    editJson(dir, CST_FILE, (m) => m.precautions[1].appliesTo.push('martians'));
    const [problem] = problemsOf(dir);
    expect(problem.path).toBe('precautions[1].appliesTo[1]');
  });

  it('reports malformed JSON with line and column', () => {
    const dir = copyOfData();
    writeRaw(dir, CST_FILE, '{\n  "id": "craniosacral-therapy",\n  "name": "x" oops\n}');
    const [problem] = problemsOf(dir);
    expect(problem.file).toContain('craniosacral-therapy.json');
    expect(problem.path).toBe('(file)');
    expect(problem.message).toMatch(/malformed JSON.*line 3, column \d+/);
  });

  it('reports a statement whose source is not recorded', () => {
    const dir = copyOfData();
    editJson(dir, CST_FILE, (m) => (m.safety.statements[0].source = 'a-blog'));
    const [problem] = problemsOf(dir);
    expect(problem.path).toBe('safety.statements[0].source');
    expect(problem.message).toMatch(/unknown source "a-blog"/);
  });

  it('checks the source of a statement in every section, however deep', () => {
    const dir = copyOfData();
    editJson(dir, CST_FILE, (m) => {
      m.precautions[1].statements[0].source = 'a-blog';
      m.practice.practitioners.source = 'a-forum';
      m.uses[2].source = 'hearsay';
    });
    expect(
      problemsOf(dir)
        .map((p) => p.path)
        .sort(),
    ).toEqual(['practice.practitioners.source', 'precautions[1].statements[0].source', 'uses[2].source']);
  });

  it('reports missing required sections and unexpected fields', () => {
    const dir = copyOfData();
    editJson(dir, CST_FILE, (m) => {
      delete m.safety;
      m.dose = '3 sessions';
    });
    const paths = problemsOf(dir).map((p) => p.path);
    expect(paths).toContain('safety');
    expect(paths.some((p) => p === '(root)' || p === 'dose')).toBe(true);
  });

  it('reports duplicate ids and names across monographs', () => {
    const dir = copyOfData();
    editJson(dir, CST_FILE, (m) => writeRaw(dir, join('monographs', 'copy.json'), JSON.stringify({ ...m, otherNames: [] })));
    const problems = problemsOf(dir);
    expect(problems.find((p) => p.file.endsWith('craniosacral-therapy.json') && p.path === 'id')?.message).toMatch(
      /duplicate monograph id/,
    );
    expect(problems.find((p) => p.file.endsWith('copy.json') && p.path === 'id')?.message).toMatch(/must match the file name/);
    expect(problems.some((p) => p.path === 'name' && /already belongs/.test(p.message))).toBe(true);
  });

  it('reports a lexicon word that names two conditions', () => {
    const dir = copyOfData();
    editJson(dir, 'conditions.json', (lexicon) => {
      const migraine = lexicon.conditions.find((c: { id: string }) => c.id === 'migraine');
      migraine.synonyms.push('Fibromyalgia');
    });
    const problems = problemsOf(dir);
    expect(problems.some((p) => p.file.endsWith('conditions.json') && /already names/.test(p.message))).toBe(true);
  });

  it('reports a rating level without a plain-English meaning', () => {
    const dir = copyOfData();
    editJson(dir, 'ratings.json', (r) => delete r.evidence['likely-effective']);
    const [problem] = problemsOf(dir);
    expect(problem.file).toContain('ratings.json');
    expect(problem.path).toBe('evidence.likely-effective');
  });

  it('collects every problem rather than stopping at the first', () => {
    const dir = copyOfData();
    editJson(dir, CST_FILE, (m) => {
      m.uses[0].rating = 'great';
      m.reviewed = 'last year';
    });
    writeRaw(dir, 'cues.json', '{');
    editJson(dir, 'ratings.json', (r) => (r.safety.unsafe.meaning = ''));
    expect(problemsOf(dir).length).toBeGreaterThanOrEqual(4);
  });
});

describe('loadKnowledge on red flags', () => {
  it('reports a combination naming an unknown concept', () => {
    const dir = copyOfData();
    editJson(dir, 'red-flags.json', (r) => r.emergencies[0].when.push(['no-such-concept']));
    expect(problemsOf(dir).map((p) => p.message)).toContain('unknown concept "no-such-concept"');
  });

  it('reports a concept no emergency uses', () => {
    const dir = copyOfData();
    editJson(dir, 'red-flags.json', (r) => (r.concepts['spare-concept'] = { terms: { en: ['spare'], es: ['sobra'], fr: ['reste'] } }));
    expect(problemsOf(dir).map((p) => `${p.path}: ${p.message}`)).toContain('concepts.spare-concept: concept is not used by any emergency');
  });

  it('reports a term that does not parse, with its language', () => {
    const dir = copyOfData();
    editJson(dir, 'red-flags.json', (r) => r.concepts['not-breathing'].terms.fr.push('* respire'));
    expect(problemsOf(dir).some((p) => p.path.startsWith('concepts.not-breathing.terms.fr') && /may not start/.test(p.message))).toBe(true);
  });

  it('reports an example naming an unknown emergency kind', () => {
    const dir = copyOfData();
    writeRaw(dir, 'red-flag-examples.jsonl', '{"kind": "heart", "text": "crushing chest pain"}\n{"kind": "hiccups", "text": "hic"}\n');
    expect(problemsOf(dir)).toEqual([expect.objectContaining({ path: 'line 2', message: 'unknown emergency kind "hiccups"' })]);
  });
});
