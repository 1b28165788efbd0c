import { describe, expect, it } from 'vitest';
import { Lemmatiser } from '../../../src/text/lemmas';
import { words } from '../../../src/text/normalise';
import { ConceptFinder } from '../../../src/understanding/red-flags/concepts';
import { ContextReader } from '../../../src/understanding/red-flags/context';
import { shippedKnowledge } from '../../helpers/bot-server';

const knowledge = shippedKnowledge();
const lemmatiser = new Lemmatiser(knowledge.languageData);
const finder = new ConceptFinder(knowledge.redFlags.concepts);
const reader = new ContextReader(knowledge.redFlags.context, knowledge.redFlags.concepts);

/** The status of the first mention of a concept in a text. */
function statusOf(concept: string, text: string): string | undefined {
  const lemmas = lemmatiser.analyse(words(text));
  const mentions = finder.find(lemmas);
  const statuses = reader.statuses(lemmas, mentions);
  const i = mentions.findIndex((m) => m.concept === concept);
  return i === -1 ? undefined : statuses[i];
}

describe('context of a red-flag mention (ConText)', () => {
  it.each([
    ['chest-pain', 'I have chest pain', 'current'],
    ['chest-pain', 'no chest pain, just a sore back', 'negated'],
    ['chest-pain', "I don't have any chest pain", 'negated'],
    ['chest-pain', 'pas de douleur à la poitrine', 'negated'],
    ['chest-pain', 'no tengo dolor en el pecho', 'negated'],
    ['chest-pain', 'I had chest pain two years ago, fine now', 'historical'],
    ['chest-pain', 'tuve dolor de pecho hace años', 'historical'],
    ['chest-pain', 'what if I get chest pain during a session?', 'hypothetical'],
    ['chest-pain', 'I get chest tightness whenever I have exams', 'habitual'],
    ['chest-pain', 'I usually get chest pain before exams but right now it is crushing', 'current'],
    ['chest-pain', 'does massage help chest pain?', 'generic'],
    ['not-breathing', 'my baby is not breathing', 'current'],
    ['not-breathing', "no, he isn't breathing", 'current'],
    ['not-breathing', 'il ne respire plus', 'current'],
    ['seizure', 'she has epilepsy, can we stop her seizure meds and try craniosacral?', 'treated'],
    ['seizure', 'the tablets for his convulsions make him sleepy', 'treated'],
    ['seizure', '¿puedo dejarle los medicamentos para las convulsiones?', 'treated'],
    ['seizure', 'son traitement contre les convulsions le fatigue', 'treated'],
    ['seizure', 'she is having a seizure, where are her meds?', 'current'],
    ['seizure', "he's having a seizure and his seizure meds are not working", 'current'],
  ])('%s in %j is %s', (concept, text, status) => {
    expect(statusOf(concept, text)).toBe(status);
  });

  it('carries a negation along a list', () => {
    expect(statusOf('stiff-neck', 'no fever or stiff neck, can CST help?')).toBe('negated');
  });

  it('does not take a negation that belongs to another term ("voit plus rien") for its own', () => {
    expect(statusOf('sudden', "ma mère ne voit plus rien d'un oeil subitement")).toBe('current');
  });

  it('lets the nearer of "then" and "now" decide', () => {
    // The chest pain "now again" is current, though "years ago" opens the message.
    const text = 'years ago I had a heart attack, and now again chest pain';
    const lemmas = lemmatiser.analyse(words(text));
    const mentions = finder.find(lemmas);
    const statuses = reader.statuses(lemmas, mentions);
    expect(statuses[mentions.findIndex((m) => m.term.startsWith('chest * pain'))]).toBe('current');
    expect(statusOf('chest-pain', 'mi padre tuvo un infarto hace años y ahora está bien')).toBe('historical');
  });

  it('drops a mention inside one of its idioms', () => {
    expect(statusOf('suicidal', "I'm dying to try reiki")).toBeUndefined();
    expect(statusOf('chest-pain', 'the bill nearly gave me a heart attack')).toBeUndefined();
  });
});
