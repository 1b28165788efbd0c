import { describe, expect, it } from 'vitest';
import { TherapyIndex } from '../../src/understanding/therapy';
import { words } from '../../src/text/normalise';
import { shippedKnowledge } from '../helpers/bot-server';

const index = new TherapyIndex(shippedKnowledge().monographs);

describe('TherapyIndex', () => {
  it.each([
    'what is craniosacral therapy?',
    'Tell me about cranio-sacral therapy',
    'cranio sacral therapy',
    'is CST safe',
    'Ostéopathie crânienne',
    'Craniosacrale Thérapie',
  ])('finds craniosacral therapy in %j', (text) => {
    expect(index.resolve(words(text))?.id).toBe('craniosacral-therapy');
  });

  it('prefers the longest name it finds', () => {
    expect(index.resolve(words('what is the craniosacral approach'))?.matched).toBe('craniosacral approach');
  });

  it('finds nothing when no therapy is named', () => {
    expect(index.resolve(words('what is acupuncture?'))).toBeUndefined();
    expect(index.resolve([])).toBeUndefined();
  });
});
