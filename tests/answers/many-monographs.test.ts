// Resolution and answers over several monographs, with fictional fixtures that live only in tests.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AnswerComposer } from '../../src/answers/compose';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import { loadKnowledge } from '../../src/knowledge/load';
import { renderMarkdown } from '../../src/render/text';
import { Understanding } from '../../src/understanding/understand';
import { addMonograph, copyOfData } from '../helpers/data';

const FIXTURES = join(__dirname, '..', 'fixtures', 'fictional-monographs');

function knowledgeWithFixtures(): KnowledgeBase {
  const dir = copyOfData();
  for (const file of readdirSync(FIXTURES)) addMonograph(dir, JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')));
  const loaded = loadKnowledge(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return new KnowledgeBase(loaded.knowledge);
}

const knowledge = knowledgeWithFixtures();
const understanding = new Understanding(knowledge);
const composer = new AnswerComposer(knowledge);
const answerTo = (text: string) => composer.answer(understanding.understand(text));

describe('several monographs', () => {
  it('loads the fixtures beside the shipped monograph', () => {
    expect(knowledge.monographs.map((m) => m.id).sort()).toEqual(['craniosacral-therapy', 'moonbeam-therapy', 'moonstone-massage']);
  });

  it.each([
    ['does moonbeam therapy help migraines?', 'moonbeam-therapy'],
    ['MBT for stress', 'moonbeam-therapy'],
    ['moonstone massage for my back pain', 'moonstone-massage'],
    ['celestial stone massage, is it safe', 'moonstone-massage'],
    ['is moonbeem therapy any good', 'moonbeam-therapy'],
    ['CST for migraines', 'craniosacral-therapy'],
  ])('%j resolves to %s', (text, id) => {
    expect(answerTo(text).therapyId).toBe(id);
  });

  it('gives each monograph its own rating for a shared condition', () => {
    expect(answerTo('does moonbeam therapy help migraines?').sections[0].rating?.level).toBe('possibly-effective');
    expect(answerTo('does moonstone massage help migraines?').sections[0].rating?.level).toBe('likely-ineffective');
  });

  it('asks which one when two are equally likely', () => {
    const answer = answerTo('is celestial good for stress?');
    expect(answer.kind).toBe('clarify-therapy');
    expect(answer.followUps).toEqual(['Moonbeam therapy', 'Moonstone massage']);
  });

  it('answers "what helps migraines?" by listing every monograph rated for it, with its rating', () => {
    const answer = answerTo('what helps migraines?');
    expect(answer.kind).toBe('condition-first');
    const ratings = Object.fromEntries(answer.sections.filter((s) => s.rating).map((s) => [s.title, s.rating?.level]));
    expect(ratings).toEqual({
      'Craniosacral therapy': 'insufficient-evidence',
      'Moonbeam therapy': 'possibly-effective',
      'Moonstone massage': 'likely-ineffective',
    });
  });

  it('gives dosing only where a monograph holds it', () => {
    expect(renderMarkdown(answerTo('how often should I have moonbeam therapy'))).toMatch(/once a week/);
    expect(renderMarkdown(answerTo('how often should I have CST'))).toMatch(/I don't have information on how often/);
  });

  it('corrects a premise only when the rating does not support it', () => {
    expect(answerTo('moonbeam therapy is proven for headaches, right?').lead).toBeUndefined();
    expect(answerTo('moonstone massage is proven for migraines, right?').lead?.text).toMatch(/^No/);
  });

  it('rejects a fixture whose name collides with another monograph', () => {
    const dir = copyOfData();
    for (const file of readdirSync(FIXTURES)) addMonograph(dir, JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')));
    const moonstone = join(dir, 'monographs', 'moonstone-massage.json');
    const json = JSON.parse(readFileSync(moonstone, 'utf8'));
    json.otherNames.push({ name: 'MBT', language: 'en' });
    addMonograph(dir, json);
    const loaded = loadKnowledge(dir);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems.map((p) => p.message).join('\n')).toMatch(/MBT/);
  });
});
