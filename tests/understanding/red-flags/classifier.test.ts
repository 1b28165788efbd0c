import { describe, expect, it } from 'vitest';
import { Lemmatiser } from '../../../src/text/lemmas';
import { words } from '../../../src/text/normalise';
import { RedFlagClassifier } from '../../../src/understanding/red-flags/classifier';
import { shippedKnowledge } from '../../helpers/bot-server';

const lemmatiser = new Lemmatiser(shippedKnowledge().languageData);
const examples = [
  { kind: 'heart', text: 'crushing pain in my chest spreading to my arm' },
  { kind: 'heart', text: 'my chest feels squeezed and I am sweating' },
  { kind: 'breathing', text: 'my baby is turning blue and cannot breathe' },
  { kind: 'breathing', text: 'he is gasping and cannot get air in' },
  { kind: 'none', text: 'does massage help chest pain from exercise' },
  { kind: 'none', text: 'is craniosacral therapy safe in pregnancy' },
  { kind: 'everyday', text: 'can I talk to a person please, my english is not so good' },
  { kind: 'everyday', text: 'who made this bot and what do you do with my messages' },
];
const classifier = new RedFlagClassifier(examples, lemmatiser);
const posterior = (text: string, kinds: string[]) => classifier.posterior(lemmatiser.analyse(words(text)), kinds);

describe('red-flag classifier (naive Bayes over lemma keys)', () => {
  it("prefers the emergency whose utterances share the message's words, in other forms", () => {
    const p = posterior('the pain in his chest is crushing and spreads to his arms', ['heart', 'breathing']);
    expect(p.get('heart')).toBeGreaterThan(p.get('breathing')!);
    expect(p.get('heart')).toBeGreaterThan(p.get('none')!);
  });

  it('leans to "none" for an ordinary question', () => {
    const p = posterior('is craniosacral therapy safe?', ['heart']);
    expect(p.get('none')).toBeGreaterThan(p.get('heart')!);
  });

  it('leans to "everyday" for a message to the bot, whose words no lookalike has', () => {
    const p = posterior('is there a person I can talk to, my english is not good', ['breathing']);
    expect(p.get('everyday')).toBeGreaterThan(p.get('breathing')!);
  });

  it('gives probabilities over the kinds asked about and the two kinds of no emergency', () => {
    const p = posterior('gasping for air', ['breathing']);
    expect([...p.keys()].sort()).toEqual(['breathing', 'everyday', 'none']);
    expect([...p.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
});
