import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswerComposer } from '../../src/answers/compose';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import { loadKnowledge } from '../../src/knowledge/load';
import { editDistance } from '../../src/understanding/fuzzy';
import { Understanding } from '../../src/understanding/understand';
import { addMonograph, copyOfData } from '../helpers/data';
import { understand } from '../helpers/understanding';

const CST = 'craniosacral-therapy';

describe('therapy resolution', () => {
  it.each([
    'what is craniosacral therapy?',
    'CRANIO-SACRAL THERAPY and sleep',
    'cranio sacral therapy for my neck',
    'is CST any good',
    'is cst any good',
    'Ostéopathie crânienne, c est quoi',
    'osteopathie cranienne',
    'thérapie craniosacrale pendant la grossesse',
    'what about cranial osteopathy',
    'a craniosacral session next week',
  ])('finds craniosacral therapy by name in %j', (text) => {
    const q = understand(text);
    expect(q.therapies[0]).toMatchObject({ id: CST, score: 1 });
    expect(q.unknownTherapies).toEqual([]);
  });

  it.each([
    'craniosacaral therapy',
    'cranial sacral therpay',
    'cranioscaral',
    'craniosacrial treatment',
    'cranial sacral therapy',
    'cranial-sacral therapy',
  ])('forgives the typo in %j, with a score below 1', (text) => {
    const [match] = understand(`is ${text} safe?`).therapies;
    expect(match.id).toBe(CST);
    expect(match.score).toBeLessThan(1);
    expect(match.score).toBeGreaterThanOrEqual(0.75);
  });

  it.each([
    ['what is acupuncture?', 'acupuncture'],
    ['Is reiki safe?', 'reiki'],
    ['cupping for back pain', 'cupping'],
    ['does ginkgo help memory', 'ginkgo'],
    ["St John's wort and the pill", 'st john'],
    ['st johns wort for depression', 'st john'],
    ['Zorblax therapy for migraines?', 'zorblax therapy'],
    ['is quillberry root safe in pregnancy', 'quillberry root'],
    ['what is the Glimmerfield technique?', 'glimmerfield technique'],
    ['is my medication safe with meditation', 'meditation'],
  ])('reports %j as an unknown therapy, never as craniosacral therapy', (text, name) => {
    const q = understand(text);
    expect(q.therapies).toEqual([]);
    expect(q.unknownTherapies.map((u) => u.name.toLowerCase()).join(' ')).toContain(name);
  });

  it('keeps both when a question names a covered and an unknown therapy', () => {
    const q = understand('is CST better than reflexology for stress?');
    expect(q.therapies.map((t) => t.id)).toEqual([CST]);
    expect(q.unknownTherapies.map((u) => u.name.toLowerCase())).toEqual(['reflexology']);
  });

  it('does not read ordinary words as therapies', () => {
    for (const text of ['my therapy sessions', 'natural remedies for sleep', 'what treatment is best', 'is my medication safe']) {
      const q = understand(text);
      expect(q.therapies, text).toEqual([]);
      expect(q.unknownTherapies, text).toEqual([]);
    }
  });

  it('offers a single distinctive word of a longer name only as a low-confidence guess', () => {
    const [match] = understand('is cranial good for me').therapies;
    expect(match?.id).toBe(CST);
    expect(match.score).toBeLessThan(0.75);
  });
});

describe('misspelt names: answered only when close to one name and clearly closer than any other', () => {
  it.each([
    'craniosacarl',
    'cranisacral',
    'is craniosacarl safe?',
    'does cranisacral help migraines',
    'craniosacarl therapy for back pain',
  ])('still answers the close, unambiguous typo in %j', (text) => {
    const [match] = understand(text).therapies;
    expect(match).toMatchObject({ id: CST, misspelt: true });
    expect(match.score).toBeGreaterThanOrEqual(0.75);
  });

  it('asks about a typo just past the bound ("did you mean …?"), and ignores a far one', () => {
    expect(editDistance('kraniosacrell', 'craniosacral')).toBe(3);
    const [near] = understand('is kraniosacrell safe?').therapies;
    expect(near).toMatchObject({ id: CST, misspelt: true });
    expect(near.score).toBeLessThan(0.75);
    expect(editDistance('kronisacrel', 'craniosacral')).toBe(4);
    expect(understand('is kronisacrel safe?').therapies).toEqual([]);
  });

  // Two fictional monographs one letter apart, and one a letter away from a therapy without a
  // monograph ("acupuncture", in data/other-therapies.json), beside the shipped craniosacral therapy.
  const bot = botWith({ 'velmora-therapy': 'Velmora therapy', 'velmira-therapy': 'Velmira therapy', acupunctura: 'Acupunctura' });

  it.each([
    ['is velmura therapy safe?', 'one edit from each'],
    ['is velmora theraphy safe?', 'one edit from velmora, two from velmira'],
    ['velmira therpay for migraines', 'one edit from velmira, two from velmora'],
  ])('asks "did you mean A or B?" about %j (%s), never answers', (text) => {
    const q = bot.understanding.understand(text);
    expect(q.therapies.map((t) => t.id).sort()).toEqual(['velmira-therapy', 'velmora-therapy']);
    expect(q.therapies.every((t) => t.score < 0.75 && t.misspelt)).toBe(true);
    const answer = bot.composer.answer(q);
    expect(answer.kind).toBe('did-you-mean');
    expect(answer.sections[0].facts[0].text).toMatch(
      /Did you mean (velmora therapy or velmira therapy|velmira therapy or velmora therapy)\?/,
    );
    expect(answer.followUps.sort()).toEqual(['Velmira therapy', 'Velmora therapy']);
    expect(answer.therapyId).toBeUndefined();
  });

  it('still answers the exact names', () => {
    expect(bot.composer.answer(bot.understanding.understand('is velmora therapy safe?'))).toMatchObject({
      kind: 'monograph',
      therapyId: 'velmora-therapy',
    });
    expect(bot.composer.answer(bot.understanding.understand('is velmira therapy safe?'))).toMatchObject({
      kind: 'monograph',
      therapyId: 'velmira-therapy',
    });
  });

  it('never answers with a covered therapy a typo closer to a therapy without a monograph', () => {
    expect(editDistance('acupuncturre', 'acupuncture')).toBe(1);
    expect(editDistance('acupuncturre', 'acupunctura')).toBe(2);
    const q = bot.understanding.understand('is acupuncturre safe?');
    expect(q.therapies).toEqual([]);
    expect(bot.composer.answer(q).kind).not.toBe('monograph');
  });

  it('asks, not answers, about a typo as close to a covered therapy as to one without a monograph', () => {
    const q = bot.understanding.understand('is acupuncturz safe?');
    expect(q.therapies).toMatchObject([{ id: 'acupunctura', misspelt: true }]);
    expect(bot.composer.answer(q)).toMatchObject({ kind: 'did-you-mean', therapyId: 'acupunctura', followUps: ['Yes', 'No'] });
  });

  it('never shows a "did you mean" candidate\'s facts in a comparison', () => {
    const answer = bot.composer.answer(bot.understanding.understand('is CST better than velmura therapy for migraines?'));
    expect(answer.therapyId).toBe(CST);
    const fields = answer.sections.flatMap((s) => [...s.facts.map((f) => f.field), s.rating?.field ?? '']);
    expect(fields.filter((f) => f.startsWith('velm'))).toEqual([]);
  });
});

/** Understanding and answers over the shipped data plus fictional monographs named as given (id → name). */
function botWith(names: Record<string, string>): { understanding: Understanding; composer: AnswerComposer } {
  const template = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'fictional-monographs', 'moonbeam-therapy.json'), 'utf8'));
  const dir = copyOfData();
  for (const [id, name] of Object.entries(names)) {
    addMonograph(dir, { ...template, id, name, otherNames: [] });
  }
  const loaded = loadKnowledge(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const knowledge = new KnowledgeBase(loaded.knowledge);
  return { understanding: new Understanding(knowledge), composer: new AnswerComposer(knowledge) };
}
