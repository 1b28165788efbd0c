import { describe, expect, it } from 'vitest';
import { pluralOf } from '../../src/text/plurals';

const none = () => false;
const small = (w: string) => ['de', 'la', 'du'].includes(w);

describe('regular plurals of names', () => {
  it.each([
    [['craniosacral', 'therapy'], 'en', 'craniosacral therapies'],
    [['cranial', 'osteopath'], 'en', 'cranial osteopaths'],
    [['terapia', 'craneosacral'], 'es', 'terapias craneosacrales'],
    [['osteopatia', 'craneal'], 'es', 'osteopatias craneales'],
    [['therapie', 'craniosacrale'], 'fr', 'therapies craniosacrales'],
    [['osteopathe', 'cranial'], 'fr', 'osteopathes craniaux'],
  ])('%j in %s is %j', (words, language, plural) => {
    expect(pluralOf(words, language, none)?.join(' ')).toBe(plural);
  });

  it('leaves small words alone and knows regional tags', () => {
    expect(pluralOf(['aceite', 'de', 'onagra'], 'es-MX', small)?.join(' ')).toBe('aceites de onagras');
  });

  it('has none for a language it does not know, or a word already plural', () => {
    expect(pluralOf(['reiki'], 'de', none)).toBeUndefined();
    expect(pluralOf(['tres'], 'fr', none)).toBeUndefined();
  });
});
