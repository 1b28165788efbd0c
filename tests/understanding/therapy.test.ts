import { describe, expect, it } from 'vitest';
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

  it.each(['craniosacaral therapy', 'cranial sacral therpay', 'cranioscaral', 'craniosacrial treatment', 'cranial sacral therapy', 'cranial-sacral therapy'])(
    'forgives the typo in %j, with a score below 1',
    (text) => {
      const [match] = understand(`is ${text} safe?`).therapies;
      expect(match.id).toBe(CST);
      expect(match.score).toBeLessThan(1);
      expect(match.score).toBeGreaterThanOrEqual(0.75);
    },
  );

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
