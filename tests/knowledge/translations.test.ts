/* eslint-disable @typescript-eslint/no-explicit-any -- the tests edit monograph JSON of any shape */
// Every language version says the same thing: a missing translation, a template that lost a placeholder, a
// lexicon name missing, or a translated monograph whose facts differ from the English one fails validation.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge, type DataProblem } from '../../src/knowledge/load';
import { copyOfData, editJson } from '../helpers/data';

function problemsOf(dir: string): DataProblem[] {
  const result = loadKnowledge(dir);
  if (result.ok) throw new Error('expected the data to be rejected');
  return result.problems;
}
const ES = join('languages', 'es.json');
const FR_CST = join('monographs', 'fr', 'craniosacral-therapy.json');

describe('translations of the replies', () => {
  it('loads Spanish and French with every template', () => {
    const result = loadKnowledge(copyOfData());
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.keys(result.knowledge.translations).sort()).toEqual(['es', 'fr']);
  });

  it('fails when a template is missing: no silent fallback to English', () => {
    const dir = copyOfData();
    editJson(dir, ES, (t) => delete t.replies.answer.unlistedCondition);
    const [problem] = problemsOf(dir);
    expect(problem.file).toContain(ES);
    expect(problem.path).toBe('replies.answer.unlistedCondition');
  });

  it('fails when a language file is missing altogether', () => {
    const dir = copyOfData();
    rmSync(join(dir, 'languages', 'fr.json'));
    expect(problemsOf(dir).some((p) => p.file.endsWith(join('languages', 'fr.json')))).toBe(true);
  });

  it('fails when a template loses or gains a placeholder', () => {
    const dir = copyOfData();
    editJson(dir, ES, (t) => {
      t.replies.answer.unlistedCondition = 'La monografía no incluye ninguna valoración.';
      t.replies.didYouMean = '¿Se refería a {therapy} o a {other}?';
    });
    const problems = problemsOf(dir);
    expect(problems.map((p) => p.path).sort()).toEqual(['replies.answer.unlistedCondition', 'replies.didYouMean']);
    expect(problems[0].message).toMatch(/placeholders/);
  });

  it('fails when an emergency has no reply, or a rating no label, in a language', () => {
    const noReply = copyOfData();
    editJson(noReply, ES, (t) => delete t.replies.emergency.replies.stroke);
    expect(problemsOf(noReply).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'emergency.replies.stroke: missing: the reply for "stroke"',
    ]);
    const noLabel = copyOfData();
    editJson(noLabel, ES, (t) => delete t.ratings.safety['likely-safe']);
    expect(problemsOf(noLabel).map((p) => p.path)).toEqual(['ratings.safety.likely-safe']);
  });

  it('fails when a lexicon entry has no display name in a language', () => {
    const dir = copyOfData();
    editJson(dir, ES, (t) => delete t.lexiconNames.migraine);
    const [problem] = problemsOf(dir);
    expect(problem.path).toBe('lexiconNames.migraine');
  });
});

describe('translated monographs hold exactly the English facts', () => {
  it.each([
    ['a rating changed', (m: any) => (m.uses[1].rating = 'possibly-effective'), 'uses[1].rating'],
    ['a use added', (m: any) => m.uses.push({ condition: 'asthma', rating: 'insufficient-evidence', source: m.sources[0].id }), 'uses'],
    [
      'a statement added',
      (m: any) => m.safety.statements.push({ text: 'Elle est très sûre.', source: m.sources[0].id }),
      'safety.statements',
    ],
    ['a precaution lost', (m: any) => m.precautions.pop(), 'precautions'],
    ['advice softened', (m: any) => (m.precautions[0].advice = 'caution'), 'precautions[0].advice'],
    ['a source changed', (m: any) => (m.sources[0].year = 2024), 'sources[0].year'],
    ['a reported effect added', (m: any) => m.precautions[1].reportedEffects.push('fièvre'), 'precautions[1].reportedEffects'],
    [
      'a field English does not have',
      (m: any) => (m.dosing = { statements: [{ text: 'Une séance par semaine.', source: m.sources[0].id }] }),
      'dosing',
    ],
  ])('fails on %s', (_what, change, path) => {
    const dir = copyOfData();
    editJson(dir, FR_CST, change);
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toContain(FR_CST);
    expect(problems[0].path).toBe(path);
    expect(problems[0].message).toMatch(/differs in facts from the English monograph/);
  });

  it('accepts other words for the same facts', () => {
    const dir = copyOfData();
    editJson(dir, FR_CST, (m) => (m.safety.statements[0].text = 'On ignore encore si elle est sans danger.'));
    expect(loadKnowledge(dir).ok).toBe(true);
  });

  it('fails when a language has no version of a monograph', () => {
    const dir = copyOfData();
    rmSync(join(dir, FR_CST));
    const problems = problemsOf(dir);
    expect(problems.some((p) => /missing: the fr version of monograph "craniosacral-therapy"/.test(p.message))).toBe(true);
  });
});
