// Telling a message in a language the bot does not read from one in English, Spanish or French: the class
// is scored on blind wordings (tests/eval/understanding, classes other-language and supported-language);
// these pin the mechanism's two signals and its caution with short or mixed messages.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { conversationLanguage, languageGuesser, languageOfLocale, type LanguageGuesser } from '../../src/understanding/language';
import { loadLanguages } from '../../src/wiring';
import { QuestionAnswering } from '../../src/question-answering';
import { shippedKnowledge } from '../helpers/bot-server';

let languages: LanguageGuesser;
beforeAll(async () => {
  languages = await loadLanguages();
});

describe('languages the bot does not read', () => {
  it('recognises a question in a language written in another script, however it is spaced', () => {
    expect(languages.otherLanguage('頭蓋仙骨療法は妊娠中に安全ですか？')).toBeDefined();
    expect(languages.otherLanguage('Безопасна ли краниосакральная терапия?')).toBeDefined();
  });

  it('recognises a question in another Latin-script language when the evidence is clear', () => {
    expect(languages.otherLanguage('Ist die Behandlung in der Schwangerschaft wirklich sicher?')).toBe('de');
    expect(languages.otherLanguage('Czy ta terapia jest bezpieczna dla dzieci?')).toBe('pl');
  });

  it('never takes English, Spanish or French for another language, short, misspelt or full of foreign names', () => {
    for (const text of [
      'CST safe?',
      'is CST safe in pregnancy?',
      'CST w/ herniated disc ok?',
      'my Heilpraktiker in München recommended Schädelmassage, is that craniosacral?',
      '¿Es segura la terapia craneosacral en el embarazo?',
      'La thérapie crânio-sacrée est-elle sûre pendant la grossesse ?',
      'ok',
      '',
    ]) {
      expect(languages.otherLanguage(text), text).toBeUndefined();
    }
  });

  it('answers such a message by saying which languages it reads, not from a monograph', () => {
    const answering = new QuestionAnswering(shippedKnowledge(), { cacheEntries: 100, languages });
    const answer = answering.answer(answering.understand('Hilft die Kraniosakraltherapie wirklich bei Migräne?'));
    expect(answer.outcome).toBe('unsupported-language');
    expect(JSON.stringify(answer)).toMatch(/English, Spanish or French/);
    expect(answer.sections.some((s) => s.rating)).toBe(false);
  });

  it('still puts an emergency first, whatever the language', () => {
    const answering = new QuestionAnswering(shippedKnowledge(), { cacheEntries: 0, languages });
    const question = { ...answering.understand('is craniosacral therapy safe?'), emergency: { kind: 'chest-pain' }, otherLanguage: 'de' };
    expect(answering.answer(question).outcome).toBe('emergency');
  });

  it('keeps the language in the understanding cache: the same words are not reused across languages', () => {
    const answering = new QuestionAnswering(shippedKnowledge(), { cacheEntries: 100, languages });
    const german = answering.understand('Ist Kraniosakraltherapie in der Schwangerschaft sicher?');
    expect(german.otherLanguage).toBe('de');
    expect(answering.understand('Ist Kraniosakraltherapie in der Schwangerschaft sicher?')).toBe(german);
    expect(answering.understand('is craniosacral therapy safe in pregnancy?').otherLanguage).toBeUndefined();
  });
});

describe("the conversation's language (en, es, fr)", () => {
  it('starts from the locale, and from English when the locale is none of them', () => {
    expect(languageOfLocale('es-MX')).toBe('es');
    expect(languageOfLocale('fr_CA')).toBe('fr');
    expect(languageOfLocale('de-DE')).toBeUndefined();
    expect(conversationLanguage({ text: 'CST?', locale: 'fr-CA' }, languages)).toBe('fr');
    expect(conversationLanguage({ text: 'CST?', locale: 'de-DE' }, languages)).toBe('en');
    expect(conversationLanguage({ text: 'CST?' }, languages)).toBe('en');
  });

  it('lets clear text win over the locale, and keeps the language until the person clearly switches', () => {
    const spanish = '¿Es segura la terapia craneosacral durante el embarazo?';
    expect(conversationLanguage({ text: spanish, locale: 'en-US' }, languages)).toBe('es');
    expect(conversationLanguage({ text: 'is craniosacral therapy safe during pregnancy?', locale: 'es-MX' }, languages)).toBe('en');
    // Short or name-only messages say nothing clear: the conversation stays in its language.
    for (const text of ['la terapia craneosacral', 'ok gracias', 'CST', 'sí']) {
      expect(conversationLanguage({ text, locale: 'en-US', current: 'es' }, languages), text).toBe('es');
    }
    const french = 'Est-ce que la thérapie crânio-sacrée est dangereuse pour les enfants ?';
    expect(conversationLanguage({ text: french, locale: 'en-US', current: 'es' }, languages)).toBe('fr');
  });

  it('never guesses a wrong one of the three on the blind sets written in them (a wrong switch changes every later reply)', () => {
    const guesses = { right: 0, wrong: 0 };
    for (const half of ['seen', 'unseen']) {
      const dir = join(__dirname, '..', 'eval', 'understanding');
      for (const file of readdirSync(dir).filter((f) => f.startsWith(`${half}-`))) {
        for (const line of readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean)) {
          const c = JSON.parse(line) as { lang: string; turns: string[] };
          if (!['en', 'es', 'fr'].includes(c.lang)) continue;
          for (const text of c.turns) {
            const guess = languages.supportedLanguage(text);
            if (guess) guesses[guess === c.lang ? 'right' : 'wrong']++;
          }
        }
      }
    }
    expect(guesses.wrong).toBe(0);
    expect(guesses.right).toBeGreaterThan(2000);
  });
});

describe('reading a message once', () => {
  it('runs the detector once per message, even when other turns’ messages come between its two questions', async () => {
    const { eld } = await import('eld/small');
    let detections = 0;
    const counting = { ...eld, detect: (text: string) => (detections++, eld.detect(text)) } as typeof eld;
    const guesser = languageGuesser(counting, () => false);
    const texts = Array.from({ length: 16 }, (_, i) => `Ist die Behandlung in der Woche ${i} wirklich sicher für mich?`);
    // As a server's interleaved turns ask: every message's first question, then every second one.
    for (const text of texts) guesser.supportedLanguage(text);
    for (const text of texts) expect(guesser.otherLanguage(text)).toBe('de');
    expect(detections).toBe(texts.length);
  });
});
