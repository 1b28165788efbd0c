import { describe, expect, it } from 'vitest';
import { understand } from '../helpers/understanding';

describe('topics', () => {
  it.each([
    ['how is craniosacral therapy meant to work?', 'how-it-works'],
    ['does CST really unblock energy flow', 'how-it-works'],
    ['what conditions do people use CST for', 'uses'],
    ['any side effects from CST?', 'safety'],
    ['is CST risky', 'safety'],
    ['can I mix CST with my blood thinners', 'interactions'],
    ['how many sessions of CST would I need', 'dosing'],
    ['what does a CST appointment cost', 'dosing'],
    ['what else is CST called', 'other-names'],
    ['are CST practitioners licensed?', 'practice'],
    ['who offers craniosacral therapy', 'practice'],
    ['CST versus massage for neck pain', 'comparison'],
    ['should I stop taking my insulin and try CST', 'medical-advice'],
    ['could CST replace my antidepressants', 'medical-advice'],
    ['give me the background on CST', 'overview'],
    ['how many craniosacral sessions will I need', 'dosing'],
    ['how long is a typical cst session', 'dosing'],
    ['would you rather use CST than the inhaler', 'medical-advice'],
    ['thinking of coming off my sertraline and doing CST', 'medical-advice'],
    ['CST plus levothyroxine, any problems?', 'interactions'],
    ['can the bones in your skull really be moved by CST', 'how-it-works'],
    ['what do people use CST for?', 'uses'],
    ['can chiropractors do craniosacral therapy?', 'practice'],
    ['any contraindications for CST?', 'safety'],
    ['will CST leave me feeling worse afterwards?', 'safety'],
  ])('%j is about %s', (text, topic) => {
    expect(understand(text).topics).toContain(topic);
  });
});

describe('whole questions', () => {
  it('keeps every part of a question with several', () => {
    const q = understand("I'm pregnant and get migraines, would CST help?");
    expect(q.conditions.map((c) => c.id)).toEqual(['pregnancy', 'migraine']);
    expect(q.topics).toContain('effectiveness');
  });

  it('notices a premise that a therapy works', () => {
    expect(understand('CST is proven for migraines, right?').assertsEfficacy).toBe(true);
    expect(understand('is there evidence CST helps migraines?').assertsEfficacy).toBe(false);
  });

  it.each([
    ['are you a doctor?', 'identity'],
    ['am I talking to a real person', 'identity'],
    ['where does your information come from?', 'sources'],
    ['is this info up to date?', 'currency'],
  ])('%j is a question about the bot (%s)', (text, kind) => {
    expect(understand(text).aboutBot).toBe(kind);
  });

  it.each([
    ['hi there', 'greeting'],
    ['Thanks!', 'thanks'],
    ['cheers, appreciate it', 'thanks'],
    ['bye', 'goodbye'],
    ['what can I ask you?', 'help'],
    ['hello, what can you do?', 'help'],
    ['brilliant, thanks a million', 'thanks'],
    ['thank you so much, that was really useful!', 'thanks'],
    ['good evening, I have a couple of questions', 'greeting'],
    ['what sort of questions can I ask you?', 'help'],
  ])('%j is social (%s)', (text, intent) => {
    expect(understand(text).social).toBe(intent);
  });

  it('treats a condition with "what helps" and no therapy as a condition-first question', () => {
    const q = understand('what helps with migraines?');
    expect(q.conditionFirst).toBe(true);
    expect(q.therapies).toEqual([]);
    expect(q.conditions.map((c) => c.id)).toEqual(['migraine']);
  });

  it('hears a request for a person anywhere, but "human" or "agent" alone only in a short message', () => {
    expect(understand('I need human help, not a bot').command).toBe('handoff');
    expect(understand('operator').command).toBe('handoff');
    expect(understand('can I talk to a person about CST please').command).toBe('handoff');
    expect(understand('Customer service request: how much urine does an average human bladder hold?').command).toBeUndefined();
  });

  it('hears "start over" only in a short message', () => {
    expect(understand('ok start over').command).toBe('start-over');
    expect(understand('can I cancel a CST session without paying for it and restart later').command).toBeUndefined();
  });

  it('notices a reference to a therapy it was not told', () => {
    expect(understand('is it safe?').refersToTherapy).toBe(true);
  });

  it('caps very long input, and still finds a question at its end', () => {
    const q = understand(`${'blah '.repeat(20_000)} is CST safe`);
    expect(q.wordCount).toBeLessThanOrEqual(400);
    expect(q.therapies[0]?.id).toBe('craniosacral-therapy');
    expect(q.topics).toContain('safety');
  });
});
