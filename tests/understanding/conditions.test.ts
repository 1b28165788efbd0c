import { describe, expect, it } from 'vitest';
import { understand } from '../helpers/understanding';

const conditionsOf = (text: string) => understand(text).conditions.map((c) => c.id);

describe('condition resolution through the lexicon', () => {
  it.each([
    ['my jaw keeps clicking, jaw clicking all day', 'tmj'],
    ['TMD flare', 'tmj'],
    ['a herniated disc in my lower back', 'slipped-disk'],
    ['slipped discs', 'slipped-disk'],
    ['the room keeps spinning', 'vertigo'],
    ['I get dizzy', 'vertigo'],
    ['ME/CFS', 'chronic-fatigue-syndrome'],
    ['my fibro is bad', 'fibromyalgia'],
    ['IBS symptoms', 'ibs'],
    ['tension headaches every day', 'headache'],
    ['migraines', 'migraine'],
    ['a bulging disk', 'slipped-disk'],
    ['post traumatic stress', 'ptsd'],
    ['I am 20 weeks pregnant', 'pregnancy'],
    ['while breastfeeding', 'breast-feeding'],
    ['after a concussion', 'brain-injury'],
    ['TBI symptoms', 'brain-injury'],
    ['I fell off my bike and hit my head last week', 'brain-injury'],
    ['he was knocked out in a tackle', 'brain-injury'],
    ["we're expecting in March", 'pregnancy'],
    ["I'm still nursing my little one", 'breast-feeding'],
    ["pendant l'allaitement", 'breast-feeding'],
  ])('%j → %s', (text, id) => {
    expect(conditionsOf(text)).toContain(id);
  });

  it('finds several conditions and populations in one question', () => {
    expect(conditionsOf("I'm pregnant and get migraines")).toEqual(['pregnancy', 'migraine']);
  });

  it('prefers the longest phrase: "tension headache" is a headache, not stress', () => {
    expect(conditionsOf('tension headache')).toEqual(['headache']);
  });

  it('forgives typos of single words when the question asks whether something helps', () => {
    expect(conditionsOf('does cst help migranes')).toEqual(['migraine']);
    expect(conditionsOf('will it help my fibromyalga')).toEqual(['fibromyalgia']);
  });

  it('recognises conditions the monograph does not list', () => {
    expect(conditionsOf('does it help insomnia')).toEqual(['insomnia']);
    expect(conditionsOf('whiplash')).toEqual(['whiplash']);
  });

  it('finds no condition in a question without one', () => {
    expect(conditionsOf('who practises craniosacral therapy?')).toEqual([]);
  });
});
