// What a reply looks like in Teams beside other card channels: Adaptive Cards 1.5 with Universal Actions for
// choices (and a 1.4 fallback), Teams' own feedback buttons instead of the card's, citations to the sources.
import { describe, expect, it } from 'vitest';
import { buildReply } from '../../src/render/activity';
import { choiceMadeCard } from '../../src/render/teams';
import { AnswerComposer } from '../../src/answers/compose';
import { shipped, understand } from '../helpers/understanding';
import { parseErrors } from '../helpers/adaptive-cards';

const answerTo = (text: string) => shipped().composer.answer(understand(text));
const cardOf = (reply: ReturnType<typeof buildReply>) =>
  reply.attachments?.[0].content as { version: string; body: { text?: string }[]; actions?: Record<string, unknown>[] };

describe('Teams replies', () => {
  it('use Adaptive Cards 1.5 in Teams and 1.4 elsewhere', () => {
    const answer = answerTo('does CST help migraines');
    expect(cardOf(buildReply(answer, 'msteams', 'a1')).version).toBe('1.5');
    expect(cardOf(buildReply(answer, 'webchat', 'a1')).version).toBe('1.4');
    expect(cardOf(buildReply(answer, 'emulator', 'a1')).version).toBe('1.4');
  });

  it("rate answers with Teams' own feedback buttons, and the card carries none; other channels keep the card's", () => {
    const answer = answerTo('is CST safe in pregnancy?');
    const teams = buildReply(answer, 'msteams', 'a1');
    expect(teams.channelData).toEqual({ feedbackLoopEnabled: true });
    expect(cardOf(teams).actions).toBeUndefined();
    const webchat = buildReply(answer, 'webchat', 'a1');
    expect(webchat.channelData).toBeUndefined();
    expect(cardOf(webchat).actions?.map((a) => (a.data as { feedback: string }).feedback)).toEqual(['helpful', 'not-helpful']);
    // Only answers a person can rate get the buttons (not the reply to a greeting).
    expect(buildReply(shipped().composer.fixed.social('thanks'), 'msteams', 'a2').channelData).toBeUndefined();
  });

  it('cite the monograph: [1] in the text, a schema.org Message entity with the source, no "AI generated" label', () => {
    const answer = answerTo('does CST help migraines');
    const reply = buildReply(answer, 'msteams', 'a1');
    expect(reply.text).toBe('Craniosacral therapy [1]');
    expect(reply.entities).toEqual([
      {
        type: 'https://schema.org/Message',
        '@type': 'Message',
        '@context': 'https://schema.org',
        '@id': '',
        citation: [
          {
            '@type': 'Claim',
            position: 1,
            appearance: {
              '@type': 'DigitalDocument',
              name: 'Craniosacral Therapy',
              abstract: expect.stringMatching(
                /^Source: Natural Medicines Comprehensive Database.*\(2009\)\. Reviewed \d{4}-\d{2}-\d{2}\.$/,
              ),
            },
          },
        ],
      },
    ]);
    expect(JSON.stringify(reply)).not.toContain('AIGeneratedContent');
    // The headline moved above the card as the cited text; the card keeps the source line for every client.
    const card = cardOf(reply);
    expect(card.body[0].text).not.toBe('Craniosacral therapy');
    expect(card.body.some((block) => block.text?.startsWith('Source:'))).toBe(true);
    // Elsewhere: no citation entity, the headline stays on the card.
    const webchat = buildReply(answer, 'webchat', 'a1');
    expect(webchat.entities).toBeUndefined();
    expect(cardOf(webchat).body[0].text).toBe('Craniosacral therapy');
  });

  it("cite in the answer's language, within the lengths Teams accepts", () => {
    const spanish = new AnswerComposer(shipped().knowledge.inLanguage('es'));
    const answer = spanish.answer(understand('¿la terapia craneosacral ayuda con la migraña?'));
    expect(answer.citations?.[0].abstract).toMatch(/^Fuente: /);
    const reply = buildReply(answer, 'msteams', 'a1');
    const appearance = (reply.entities?.[0] as unknown as { citation: { appearance: { name: string; abstract: string } }[] }).citation[0]
      .appearance;
    expect(appearance.name.length).toBeLessThanOrEqual(80);
    expect(appearance.abstract.length).toBeLessThanOrEqual(160);
  });

  it('offer choices as Action.Execute in Teams, with an Action.Submit fallback that posts the choice as the message', () => {
    const answer = answerTo('is cranial good for headaches?');
    expect(answer.outcome).toBe('clarification');
    const actions = cardOf(buildReply(answer, 'msteams', 'a1')).actions ?? [];
    expect(actions.length).toBeGreaterThan(0);
    for (const [i, choice] of answer.followUps.entries()) {
      expect(actions[i]).toEqual({
        type: 'Action.Execute',
        title: choice,
        verb: 'choose',
        data: { choice },
        fallback: { type: 'Action.Submit', title: choice, data: { choice, msteams: { type: 'imBack', value: choice } } },
      });
    }
    // Web Chat and the Emulator keep the submit they render today.
    expect(cardOf(buildReply(answer, 'webchat', 'a1')).actions?.[0]).toEqual({
      type: 'Action.Submit',
      title: answer.followUps[0],
      data: { choice: answer.followUps[0] },
    });
  });

  it('replace a choice card with the choice made, escaped like any text a client sends', () => {
    const card = choiceMadeCard('**bold** <b>x</b> [link](http://example.test)');
    expect(card.body[0].text).toBe('✔️ \\*\\*bold\\*\\* &lt;b&gt;x&lt;/b&gt; \\[link\\](http://example.test)');
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(card).not.toHaveProperty('actions');
  });

  it("every card parses clean in Microsoft's adaptivecards library, in Teams (1.5) and in Web Chat (1.4)", () => {
    const questions = [
      'does CST help migraines',
      'is CST safe in pregnancy?',
      'is cranial good for headaches?',
      'what is craniosacral therapy',
      'does reiki help anxiety',
      'I have crushing chest pain',
      'hello',
    ];
    for (const question of questions) {
      const answer = answerTo(question);
      expect(parseErrors(cardOf(buildReply(answer, 'msteams', 'a1')), '1.5'), question).toEqual([]);
      expect(parseErrors(cardOf(buildReply(answer, 'webchat', 'a1')), '1.4'), question).toEqual([]);
    }
    expect(parseErrors(choiceMadeCard('Craniosacral therapy'), '1.5')).toEqual([]);
  });
});
