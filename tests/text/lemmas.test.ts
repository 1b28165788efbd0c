import { describe, expect, it } from 'vitest';
import { Lemmatiser, keyOf } from '../../src/text/lemmas';
import { words } from '../../src/text/normalise';
import { shippedKnowledge } from '../helpers/bot-server';

const lemmatiser = new Lemmatiser(shippedKnowledge().languageData);
const keys = (text: string, language: 'en' | 'es' | 'fr' = 'en') => lemmatiser.analyse(words(text)).keys[language].join(' ');

describe('lemma keys', () => {
  it('expands contractions written with or without the apostrophe', () => {
    expect(lemmatiser.analyse(words("he isn't breathing")).words).toEqual(['he', 'is', 'not', 'breathing']);
    expect(lemmatiser.analyse(words('he isnt breathing')).words).toEqual(['he', 'is', 'not', 'breathing']);
    expect(lemmatiser.analyse(words("I can't, rn")).words).toEqual(['i', 'can', 'not', 'right', 'now']);
  });

  it.each([
    ['is not breathing', 'be not breathe'],
    ['swallowed every tablet', 'swallow every tablet'],
    ['she ate the tablets', 'she eat the tablet'],
    ['he bled', 'he bleed'],
  ])('English forms fold: %j and %j share keys', (a, b) => {
    expect(keys(a)).toBe(keys(b));
  });

  it.each([
    ['es', 'sangrando', 'sangre'],
    ['es', 'pastillas', 'pastilla'],
    ['fr', 'saigne', 'saignement'],
    ['fr', 'comprimés', 'comprime'],
  ] as const)('%s: %j and %j share a key', (language, a, b) => {
    expect(keyOf(language, words(a)[0])).toBe(keyOf(language, words(b)[0]));
  });

  it('keeps keys aligned with the expanded words: English alone for an English message, every language otherwise', () => {
    const english = lemmatiser.analyse(words("my baby can't breathe"));
    expect(english.english).toBe(true);
    expect(english.keys.en).toHaveLength(english.words.length);
    const spanish = lemmatiser.analyse(words('mi bebé no respira y tiene los labios morados'));
    expect(spanish.english).toBe(false);
    expect(spanish.language).toBe('es');
    for (const language of ['en', 'es', 'fr'] as const) expect(spanish.keys[language]).toHaveLength(spanish.words.length);
  });

  it('tells the language of a message from its small words', () => {
    expect(lemmatiser.analyse(words('mon mari vomit du sang, il ne répond plus')).language).toBe('fr');
    expect(lemmatiser.analyse(words('is craniosacral therapy safe in pregnancy?')).language).toBe('en');
  });
});
