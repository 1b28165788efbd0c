import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/types';
import { renderMarkdown } from '../../src/render/text';
import { AnswerComposer } from '../../src/answers/compose';
import { shipped, understand } from '../helpers/understanding';
import { untraceable } from '../helpers/trace';

const CST = 'craniosacral-therapy';
const answerTo = (text: string, therapyId?: string): Answer => shipped().composer.answer(understand(text), { therapyId });
const textOf = (text: string, context?: string) => renderMarkdown(answerTo(text, context));
const cst = () => shipped().knowledge.monograph(CST)!;

describe('answers come from the monograph', () => {
  it.each([
    'what is craniosacral therapy',
    'does CST help migraines?',
    'is CST safe while pregnant?',
    'CST after a concussion?',
    'can CST interact with warfarin',
    'how often should I have CST',
    'who regulates CST practitioners',
    'what are the other names for CST',
    'how does CST work',
    'what is CST used for',
    'CST versus acupuncture for back pain',
    'does CST help insomnia',
    'what helps migraines?',
    'are you a doctor',
    'where does your information come from',
    'I want to kill myself',
    'hello',
  ])('every fact of the answer to %j is traceable to a field', (text) => {
    expect(untraceable(answerTo(text), shipped().knowledge)).toEqual([]);
  });

  it('answers effectiveness with the rating for that condition and its plain meaning', () => {
    const answer = answerTo('would CST ease my neck pain?');
    const section = answer.sections.find((s) => s.rating);
    expect(section?.rating).toMatchObject({ scale: 'evidence', level: 'insufficient-evidence', label: 'Insufficient evidence' });
    expect(renderMarkdown(answer)).toMatch(/Neck pain.*Insufficient evidence.*not enough reliable research/s);
  });

  it('says plainly there is no rating for an unlisted condition, and that the other rating is general', () => {
    const text = textOf('does craniosacral therapy help asthma?');
    expect(text).toMatch(/no rating for craniosacral therapy for asthma/);
    expect(text).toMatch(/general rating, not one specific to asthma/);
  });

  it('puts the medical-advice boundary first and never says yes', () => {
    const answer = answerTo('can I stop my blood pressure tablets and use CST instead?');
    expect(answer.lead?.text).toMatch(/don't stop or change it without talking to the doctor or other professional who prescribed it/);
    expect(renderMarkdown(answer)).not.toMatch(/^\W*yes/i);
  });

  it('corrects a false premise before anything else', () => {
    const answer = answerTo('CST is proven to cure migraines, right?');
    expect(answer.lead?.text).toMatch(/^No, that claim isn't supported/);
    expect(answer.sections[0].rating?.level).toBe('insufficient-evidence');
  });

  it('answers both parts of "pregnant and migraines": the rating, then the pregnancy warning', () => {
    const answer = answerTo("I'm pregnant and get migraines, would CST help?");
    expect(answer.sections[0].title).toBe('Migraine');
    expect(answer.warnings.map((w) => w.title)).toEqual(['Pregnancy and breast-feeding (avoid)']);
  });

  it('answers safety and the rating for "is it safe for my mother\'s back pain?" in context', () => {
    const answer = answerTo("is it safe for my 80-year-old mother's back pain?", CST);
    const text = renderMarkdown(answer);
    expect(text).toMatch(/Back pain.*Insufficient evidence/s);
    expect(text).toMatch(/not enough information/i);
  });

  it('answers a brain-injury question with the reported worsening', () => {
    expect(textOf('Is CST a good idea after my concussion?')).toMatch(/worse/);
  });

  it('has no dosing, sessions or prices to give and says so, with no numbers', () => {
    const text = textOf('how much does a CST session cost and how many will I need?');
    expect(text).toMatch(/I don't have information on how often/);
    expect(text.replace(/\(\d{4}\)|\d{4}-\d{2}-\d{2}/g, '')).not.toMatch(/\d/);
  });

  it('does not claim there are no interactions when it only has no information', () => {
    const text = textOf('does CST interact with my antidepressants?');
    expect(text).toMatch(/no information about interactions/);
    expect(text).not.toMatch(/no (known )?interactions\b/i);
  });

  it('never answers an unknown therapy with craniosacral facts', () => {
    const answer = answerTo('Is valerian safe during pregnancy?');
    expect(answer.kind).toBe('unknown-therapy');
    expect(answer.therapyId).toBeUndefined();
    const text = renderMarkdown(answer);
    expect(text).toMatch(/I don't have information about valerian/i);
    for (const statement of [...cst().overview, ...cst().safety.statements, ...cst().precautions.flatMap((p) => p.statements)]) {
      expect(text).not.toContain(statement.text);
    }
  });

  it('compares with an unknown therapy by saying it cannot', () => {
    expect(textOf('is CST or reflexology better for stress?')).toMatch(/can't compare craniosacral therapy with reflexology/i);
  });

  it('asks which therapy when none is named and none is in context', () => {
    const answer = answerTo('is it safe in pregnancy?');
    expect(answer.kind).toBe('clarify-therapy');
    expect(answer.followUps).toContain('Craniosacral therapy');
  });

  it('answers a question about it from the conversation context', () => {
    expect(answerTo('is it safe in pregnancy?', CST).kind).toBe('monograph');
  });

  it('asks "did you mean" rather than guessing on a weak match', () => {
    const answer = answerTo('is cranial good for headaches');
    expect(answer.kind).toBe('did-you-mean');
    expect(answer.outcome).toBe('clarification');
  });

  it("leads an emergency with the action: the region's numbers where it is known, no number where it is not", () => {
    const inUS = (text: string) => shipped().composer.answer(understand(text), { region: 'US' });
    const stroke = inUS('my mum cannot speak properly and her face is drooping, would CST help?');
    expect(stroke.kind).toBe('emergency');
    expect(stroke.lead?.text).toMatch(/^Call 911 now/);
    expect(renderMarkdown(stroke)).not.toMatch(/craniosacral/i);
    expect(inUS('I keep thinking about ending my life').lead?.text).toMatch(/988/);
    // No region (a locale such as "en"): the local number in words, and no number of any country.
    const nowhere = answerTo('my mum cannot speak properly and her face is drooping');
    expect(nowhere.lead?.text).toMatch(/^Call your local emergency number now/);
    expect(renderMarkdown(nowhere)).not.toMatch(/\d{2,}/);
    expect(answerTo('I keep thinking about ending my life').lead?.text).toMatch(/a crisis line where you live/);
  });

  it('does not ask which therapy when the question is not about one', () => {
    expect(answerTo('what time is it in Lisbon?').kind).toBe('out-of-scope');
    expect(answerTo('what is the main cause of headaches').kind).toBe('out-of-scope');
  });

  it('answers questions about the bot honestly', () => {
    expect(textOf('are you a doctor?')).toMatch(/not a doctor/);
    expect(textOf('where does this information come from?')).toContain('Natural Medicines Comprehensive Database');
    expect(textOf('is this up to date?')).toContain(cst().reviewed);
  });

  it('says what it covers when asked something out of scope', () => {
    const answer = answerTo('who won the football last night and what is the score');
    expect(answer.kind).toBe('out-of-scope');
    expect(renderMarkdown(answer)).toMatch(/can only help with questions about natural therapies/);
  });

  it('lists every monograph rated for a condition in a condition-first question', () => {
    const answer = answerTo('what helps with back pain?');
    expect(answer.kind).toBe('condition-first');
    expect(answer.sections.filter((s) => s.rating).map((s) => s.title)).toEqual(['Craniosacral therapy']);
  });
});

describe('question classes answered from the field that holds the fact', () => {
  it('a therapy with no monograph is not the same therapy, and nothing is said about it', () => {
    const text = textOf('is reiki the same as craniosacral therapy?');
    expect(text).toMatch(/No: Reiki is not the same as craniosacral therapy/);
    expect(text).toMatch(/don't have information about Reiki/);
    expect(text).not.toMatch(/also known as/);
  });

  it('a population no precaution mentions gets "no specific information" and the general safety statement', () => {
    const text = textOf('is craniosacral therapy safe for my 5 year old?');
    expect(text).toMatch(/no specific information about craniosacral therapy for children/);
    expect(text).toMatch(/Nobody knows yet whether craniosacral therapy is safe/);
  });

  it('a precaution that is someone else’s is said not to apply, and is not given as a warning', () => {
    const answer = answerTo('my partner is pregnant, is craniosacral therapy OK for me?');
    const text = renderMarkdown(answer);
    expect(text).toMatch(/does not apply to you/);
    expect(answer.warnings.map((w) => w.title).join(' ')).not.toMatch(/Pregnancy/);
  });

  it('a comparison with a therapy it knows nothing of says so and compares nothing', () => {
    expect(textOf('is craniosacral therapy safer than chiropractic?')).toMatch(/can't compare craniosacral therapy with Chiropractic/);
    expect(textOf('is craniosacral therapy better than the alternatives?')).toMatch(
      /doesn't compare craniosacral therapy with other therapies/,
    );
  });

  it('the uses come with their number', () => {
    expect(textOf('what is CST used for?')).toMatch(new RegExp(`lists ${cst().uses.length} uses`));
  });

  it('the medical-advice boundary also holds for a therapy with no monograph', () => {
    const answer = answerTo('can I stop my sertraline and do reiki instead?');
    expect(answer.kind).toBe('unknown-therapy');
    expect(answer.lead?.text).toMatch(/who prescribed it/);
  });

  it('a question in Spanish about a population is answered for that population', () => {
    expect(textOf('¿la terapia craneosacral es segura para un niño de 6 años?')).toMatch(/for children/);
  });
});

describe('answers in Spanish and French', () => {
  const composerIn = (language: 'es' | 'fr') => new AnswerComposer(shipped().knowledge.inLanguage(language));

  it('names a therapy without a monograph as the person did, from its listed names, not by its English name', () => {
    const answer = composerIn('es').answer(understand('¿el quiropráctico sirve para el dolor de espalda?'));
    expect(answer.kind).toBe('unknown-therapy');
    expect(renderMarkdown(answer)).toContain('quiropráctico');
    expect(renderMarkdown(answer)).not.toContain('Chiropractic');
  });

  it('gives the same facts as in English, in the language', () => {
    const question = understand('¿es segura la terapia craneosacral en el embarazo?');
    const english = shipped().composer.answer(question);
    const spanish = composerIn('es').answer(question);
    // The same structure: the same sections, facts and fields, only the words differ.
    expect(spanish.sections.map((s) => s.facts.map((f) => f.field))).toEqual(english.sections.map((s) => s.facts.map((f) => f.field)));
    expect(renderMarkdown(spanish)).toMatch(/Embarazo y lactancia/);
    expect(untraceable(spanish, shipped().knowledge.inLanguage('es'))).toEqual([]);
  });
});
