import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderMarkdown } from '../../src/render/text';
import { fragmentMessage, message } from '../helpers/generated';
import { shipped, understand } from '../helpers/understanding';
import { untraceable } from '../helpers/trace';

const { composer, knowledge } = shipped();
const monographSentences = knowledge.monographs.flatMap((m) => [
  ...m.overview,
  ...(m.howItWorks?.claims ?? []),
  ...(m.howItWorks?.evidence ?? []),
  ...(m.practice?.regulation ?? []),
  ...m.safety.statements,
  ...m.precautions.flatMap((p) => p.statements),
  ...m.interactions.statements,
]);

describe('never invent', () => {
  it('every fact and rating of every answer traces to a monograph field or a reply template', () => {
    fc.assert(
      fc.property(message, fc.constantFrom(undefined, 'craniosacral-therapy'), (text, context) => {
        expect(untraceable(composer.answer(understand(text), { therapyId: context }), knowledge)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("an unknown therapy is never answered with a covered therapy's facts", () => {
    const unknown = fc.constantFrom(
      'acupuncture',
      'reiki',
      'cupping',
      'ginkgo',
      "St John's wort",
      'valerian root',
      'zorblax therapy',
      'Bowen therapy',
    );
    const question = fc.constantFrom(
      'is {} safe in pregnancy?',
      'does {} help migraines',
      'what is {}',
      '{} for back pain',
      'how often should I have {}',
      'who regulates {}',
    );
    fc.assert(
      fc.property(unknown, question, (name, template) => {
        const answer = composer.answer(understand(template.replace('{}', name)));
        expect(answer.kind).toBe('unknown-therapy');
        expect(answer.sections.some((s) => s.rating)).toBe(false);
        const text = renderMarkdown(answer);
        for (const sentence of monographSentences) expect(text).not.toContain(sentence.text);
        expect(text).not.toMatch(/insufficient evidence|skull|upledger/i);
      }),
      { numRuns: 200 },
    );
  });

  // Around the red flag: the fragments people type. Arbitrary strings can make it hypothetical ("If …",
  // "… jk"), which the safety screen rightly reads as not current.
  it('an emergency pre-empts everything else in the message', () => {
    const flag = fc.constantFrom(
      'I have crushing chest pain',
      "my dad's face is drooping",
      "I can't breathe",
      'I want to kill myself',
      'my toddler swallowed some pills',
    );
    fc.assert(
      fc.property(fragmentMessage, flag, fragmentMessage, (before, red, after) => {
        const answer = composer.answer(understand(`${before} ${red} ${after}`.slice(-1500)), {
          therapyId: 'craniosacral-therapy',
          region: 'US',
        });
        expect(answer.kind).toBe('emergency');
        expect(answer.lead?.text).toMatch(/911|988/);
        expect(answer.therapyId).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});
