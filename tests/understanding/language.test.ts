// Telling a message in a language the bot does not read from one in English, Spanish or French: the class
// is scored on blind wordings (tests/eval/understanding, classes other-language and supported-language);
// these pin the mechanism's two signals and its caution with short or mixed messages.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LanguageGuesser } from '../../src/understanding/language';
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
