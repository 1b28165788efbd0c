import { describe, expect, it } from 'vitest';
import { ActivityTypes, MemoryStorage, type StoreItems } from 'botbuilder';
import { botClient, cardButtons, visibleText } from '../helpers/bot-client';

describe('context', () => {
  it('carries the therapy through follow-ups', async () => {
    const bot = botClient();
    expect(visibleText(await bot.send('tell me about craniosacral therapy'))).toMatch(/skull/);
    const breastfeeding = visibleText(await bot.send('is it safe while breastfeeding?'));
    expect(breastfeeding).toMatch(/avoid it while pregnant or breast-feeding/);
    const migraines = visibleText(await bot.send('and for migraines?'));
    expect(migraines).toMatch(/Migraine/);
    expect(migraines).toMatch(/Insufficient evidence/);
  });

  it('carries the condition when the next question leaves it out', async () => {
    const bot = botClient();
    await bot.send('does CST help neck pain?');
    expect(visibleText(await bot.send('does it really work though?'))).toMatch(/Neck pain/);
  });

  it('replaces the therapy when another is named, even one without a monograph', async () => {
    const bot = botClient();
    await bot.send('what is CST?');
    expect(visibleText(await bot.send('What is acupuncture?'))).toMatch(/don't have information about acupuncture/i);
    const followUp = visibleText(await bot.send('is it safe?'));
    expect(followUp).toMatch(/acupuncture/i);
    expect(followUp).not.toMatch(/not enough reliable information/);
    expect(visibleText(await bot.send('ok then tell me about craniosacral therapy instead'))).toMatch(/skull/);
    expect(visibleText(await bot.send('is there any oversight of the people who offer it?'))).toMatch(/neither a licensed nor a regulated/);
  });

  it('forgets the therapy on "start over"', async () => {
    const bot = botClient();
    await bot.send('what is CST?');
    expect(visibleText(await bot.send('start over'))).toMatch(/start over/i);
    expect(visibleText(await bot.send('is it safe?'))).toMatch(/Which therapy do you mean/);
  });
});

describe('clarification', () => {
  it('asks which therapy and completes the pending question from a typed, misspelt reply', async () => {
    const bot = botClient();
    const asked = await bot.send('is it safe in pregnancy?');
    expect(visibleText(asked)).toMatch(/Which therapy do you mean/);
    expect(asked[0].suggestedActions?.actions.map((a) => a.title)).toContain('Craniosacral therapy');
    expect(cardButtons(asked).map((b) => b.title)).toContain('Craniosacral therapy');
    expect(visibleText(await bot.send('craniosacarl'))).toMatch(/avoid it while pregnant/);
  });

  it('completes the pending question from a card button (value, no text)', async () => {
    const bot = botClient({ channelId: 'webchat' });
    const asked = await bot.send('Can it relieve backache?');
    const button = cardButtons(asked).find((b) => b.title === 'Craniosacral therapy')!;
    const answer = visibleText(await bot.send({ text: '', value: button.data }));
    expect(answer).toMatch(/Back pain/);
    expect(answer).toMatch(/Insufficient evidence/);
  });

  it('drops the clarification when the person asks something else', async () => {
    const bot = botClient();
    await bot.send("What's the evidence for fatigue?");
    expect(visibleText(await bot.send('who won the football'))).toMatch(/can only help with questions about natural therapies/);
    const next = visibleText(await bot.send('CST'));
    expect(next).toMatch(/skull/);
    expect(next).not.toMatch(/Fatigue/);
  });

  it('keeps waiting for the therapy when the reply names none and asks nothing ("eh?", "no idea what it\'s called")', async () => {
    const bot = botClient();
    await bot.send('is it safe when pregnant?');
    expect(visibleText(await bot.send("no idea what it's called"))).toMatch(/Which therapy do you mean/);
    expect(visibleText(await bot.send('the head one'))).toMatch(/pregnan/i);

    const es = botClient();
    await es.send('¿se puede combinar con mis pastillas?');
    expect(visibleText(await es.send('¿eh?'))).toMatch(/Which therapy do you mean/);
    expect(visibleText(await es.send('la de la cabeza'))).toMatch(/interactions/);
  });

  it('asks the question again for the corrected therapy after a therapy without a monograph', async () => {
    const bot = botClient();
    await bot.send('who offers it?');
    expect(visibleText(await bot.send('reiki'))).toMatch(/don't have information about Reiki/);
    const corrected = visibleText(await bot.send('sorry no, craniosacral'));
    expect(corrected).toMatch(/massage therapists, chiropractors/);
    expect(corrected).not.toMatch(/claim isn't supported/);
  });

  it('answers "did you mean …?" with yes and no', async () => {
    const yes = botClient();
    expect(visibleText(await yes.send('is cranial good for headaches?'))).toMatch(/Did you mean craniosacral therapy/);
    expect(visibleText(await yes.send('yes'))).toMatch(/Headache.*Insufficient evidence/s);

    const no = botClient();
    await no.send('is cranial good for headaches?');
    expect(visibleText(await no.send('no'))).toMatch(/Which therapy do you mean/);
  });

  it('asks "did you mean …?" for a question that describes a therapy without naming it, then answers it', async () => {
    const bot = botClient();
    expect(visibleText(await bot.send('if the skull bones really shift with each breath, how many sessions to realign mine?'))).toMatch(
      /Did you mean craniosacral therapy/,
    );
    expect(visibleText(await bot.send('yes'))).toMatch(/do not actually move/);
  });

  it('asks which therapy for "what is it?" with nothing to refer to', async () => {
    const bot = botClient();
    expect(visibleText(await bot.send('what is that exactly?'))).toMatch(/Which therapy do you mean/);
    expect(visibleText(await bot.send('CST'))).toMatch(/skull/);
  });

  it('keeps the medical-advice boundary when a change of medicine names no therapy yet', async () => {
    const bot = botClient();
    const asked = visibleText(await bot.send('can I come off my citalopram?'));
    expect(asked).toMatch(/who prescribed it/);
    expect(asked).toMatch(/Which therapy do you mean/);
    expect(visibleText(await bot.send('craniosacral therapy'))).toMatch(/prescribed/);
  });

  it('handles help in the middle of a clarification, then still completes it', async () => {
    const bot = botClient();
    await bot.send('is it safe in pregnancy?');
    const help = visibleText(await bot.send('help'));
    expect(help).toMatch(/I can help with questions about natural therapies/);
    expect(help).toMatch(/tell me which therapy you meant/);
    expect(visibleText(await bot.send('CST'))).toMatch(/avoid it while pregnant/);
  });

  it('handles start over in the middle of a clarification', async () => {
    const bot = botClient();
    await bot.send('is it safe in pregnancy?');
    await bot.send('cancel');
    const next = visibleText(await bot.send('CST'));
    expect(next).toMatch(/skull/);
    expect(next).not.toMatch(/avoid it while pregnant/);
  });

  it('lets an emergency interrupt a clarification', async () => {
    const bot = botClient();
    await bot.send({ text: 'is it safe in pregnancy?', locale: 'en-US' });
    expect(visibleText(await bot.send({ text: 'wait my husband has crushing chest pain', locale: 'en-US' }))).toMatch(/Call 911 now/);
  });

  it('lets an emergency in Spanish or French interrupt a clarification, and answers nothing else, in that language', async () => {
    const bot = botClient();
    await bot.send({ text: 'is it safe in pregnancy?', locale: 'es-ES' });
    const reply = visibleText(await bot.send({ text: 'espera, mi bebé no respira', locale: 'es-ES' }));
    expect(reply).toMatch(/Llame ahora al 112/);
    expect(reply).not.toMatch(/skull|pregnan|embaraz/i);
    const next = botClient();
    await next.send({ text: 'what is CST?', locale: 'fr-FR' });
    const crisis = visibleText(await next.send({ text: "je n'ai plus envie de vivre", locale: 'fr-FR' }));
    expect(crisis).toMatch(/3114/);
    expect(crisis).toMatch(/le 15 ou le 112/);
  });

  it('answers a past crisis normally, with a crisis line note, and keeps the conversation going', async () => {
    const bot = botClient();
    const reply = visibleText(
      await bot.send({
        text: 'I attempted suicide years ago and have been well since; is craniosacral therapy safe in pregnancy?',
        locale: 'en-US',
      }),
    );
    expect(reply).toMatch(/988/);
    expect(reply).toMatch(/pregnan/i);
    expect(reply).not.toMatch(/Call 911 now/);
  });
});

describe('interruptions anywhere', () => {
  it.each([
    ['thanks!', /You're welcome/],
    ['what can you do', /I can help with questions about natural therapies/],
    ['bye', /Goodbye/],
    ['recommend a movie for tonight', /can only help with questions about natural therapies/],
  ])('%j', async (text, expected) => {
    const bot = botClient();
    await bot.send('what is CST');
    expect(visibleText(await bot.send(text))).toMatch(expected);
  });
});

describe('handoff', () => {
  it('hands off on request with the standard event and the transcript', async () => {
    const bot = botClient();
    await bot.send('does CST help migraines?');
    const replies = await bot.send('I want to talk to a human');
    expect(visibleText(replies)).toMatch(/can't put you through to a person.*support desk/);
    const event = replies.find((a) => a.type === ActivityTypes.Event);
    expect(event?.name).toBe('handoff.initiate');
    const transcript = JSON.stringify(event?.attachments);
    expect(transcript).toContain('does CST help migraines?');
    expect(transcript).toContain('I want to talk to a human');
  });

  it('hands off after three turns in a row it did not understand', async () => {
    const bot = botClient();
    expect((await bot.send('asdf')).some((a) => a.type === ActivityTypes.Event)).toBe(false);
    expect((await bot.send('qwerty uiop')).some((a) => a.type === ActivityTypes.Event)).toBe(false);
    const third = await bot.send('zxcv bnm');
    expect(third.find((a) => a.type === ActivityTypes.Event)?.name).toBe('handoff.initiate');
  });

  it('counts only turns in a row', async () => {
    const bot = botClient();
    await bot.send('asdf');
    await bot.send('qwerty');
    await bot.send('what is CST');
    expect((await bot.send('zxcv')).some((a) => a.type === ActivityTypes.Event)).toBe(false);
  });

  it('can be configured off', async () => {
    const bot = botClient({ env: { HANDOFF_AFTER_FAILURES: '0' } });
    for (const text of ['a1', 'b2', 'c3', 'd4']) expect((await bot.send(text)).some((a) => a.type === ActivityTypes.Event)).toBe(false);
  });
});

describe('feedback', () => {
  it('offers helpful / not helpful on answers and records it against the answer, never the text', async () => {
    const bot = botClient({ channelId: 'webchat' });
    const answer = await bot.send('does CST help my stress levels?');
    const helpful = cardButtons(answer).find((b) => b.title.includes('Not helpful'))!;
    expect(helpful).toBeDefined();
    const ack = visibleText(await bot.send({ text: '', value: helpful.data }));
    expect(ack).toMatch(/didn't help/);
    expect(bot.feedback).toEqual([
      expect.objectContaining({ helpful: false, therapyId: 'craniosacral-therapy', topics: ['effectiveness'], outcome: 'answered' }),
    ]);
    expect(JSON.stringify(bot.feedback)).not.toMatch(/stress levels/);
  });

  it('counts one rating per answer and person: a second press is acknowledged, not counted; the other button replaces it', async () => {
    const bot = botClient({ channelId: 'webchat' });
    const answer = await bot.send('is CST safe in pregnancy?');
    const button = (title: string) => cardButtons(answer).find((b) => b.title === title)!.data;
    expect(visibleText(await bot.send({ text: '', value: button('Helpful') }))).toMatch(/Thanks for your feedback/);
    expect(visibleText(await bot.send({ text: '', value: button('Helpful') }))).toMatch(/already rated that answer/);
    expect(bot.feedback).toHaveLength(1);
    await bot.send({ text: '', value: button('Not helpful') });
    expect(bot.feedback).toEqual([
      expect.objectContaining({ helpful: true }),
      expect.objectContaining({ helpful: false, replaces: 'helpful', answerId: bot.feedback[0].answerId }),
    ]);
    // Another person in the same (group) conversation rates the same answer on their own.
    await bot.send({ text: '', value: button('Helpful'), from: { id: 'someone-else', name: 'Someone' } });
    expect(bot.feedback[2]).toMatchObject({ helpful: true });
    expect(bot.feedback[2].replaces).toBeUndefined();
  });

  it('after "not helpful", invites the person to ask in other words and offers a button to reach a person', async () => {
    const bot = botClient({ channelId: 'webchat' });
    const answer = await bot.send('does CST help migraines?');
    const notHelpful = cardButtons(answer).find((b) => b.title === 'Not helpful')!.data;
    const reply = await bot.send({ text: '', value: notHelpful });
    expect(visibleText(reply)).toMatch(/ask again in other words, or talk to a person/);
    const offered = reply.flatMap((a) => a.suggestedActions?.actions ?? []).map((action) => action.value);
    expect(offered).toEqual(['Talk to a person']);
    // Pressing it sends its text, which the bot reads as a request for a person.
    const handoff = await bot.send('Talk to a person');
    expect(visibleText(handoff)).toMatch(/support desk|support team|person/i);
    expect(handoff.some((a) => a.type === ActivityTypes.Event && a.name === 'handoff.initiate')).toBe(true);
  });

  it('takes typed feedback on the last answer', async () => {
    const bot = botClient({ channelId: 'sms' });
    await bot.send('is CST safe');
    await bot.send('helpful');
    expect(bot.feedback[0]).toMatchObject({ helpful: true, therapyId: 'craniosacral-therapy' });
  });
});

describe('welcome', () => {
  const joined = (ids: string[]) => ({ type: ActivityTypes.ConversationUpdate, membersAdded: ids.map((id) => ({ id, name: id })) });

  it('welcomes once per conversation, when a person joins, not when the bot does (Web Chat)', async () => {
    const bot = botClient({ channelId: 'webchat' });
    expect(await bot.send(joined(['bot']))).toEqual([]);
    const welcome = await bot.send(joined(['user1']));
    expect(visibleText(welcome)).toMatch(/Right now I cover craniosacral therapy/);
    expect(welcome[0].suggestedActions?.actions.length).toBeGreaterThan(1);
    expect(await bot.send(joined(['user1']))).toEqual([]);
  });

  it('welcomes in Teams when the bot is installed', async () => {
    const bot = botClient({ channelId: 'msteams' });
    expect(visibleText(await bot.send(joined(['bot'])))).toMatch(/natural therapies/);
    expect(await bot.send(joined(['someone-else']))).toEqual([]);
  });
});

describe('state failures', () => {
  class FlakyStorage extends MemoryStorage {
    failReads = false;
    failWrites = false;
    override async read(keys: string[]): Promise<StoreItems> {
      if (this.failReads) throw new Error('storage down');
      return super.read(keys);
    }
    override async write(changes: StoreItems): Promise<void> {
      if (this.failWrites) throw new Error('storage down');
      return super.write(changes);
    }
  }

  it('still answers, without context, when state cannot be loaded, and never overwrites it', async () => {
    const storage = new FlakyStorage();
    const bot = botClient({ storage });
    await bot.send('what is CST');
    storage.failReads = true;
    const blind = visibleText(await bot.send('is it safe?'));
    expect(blind).toMatch(/Which therapy do you mean/);
    storage.failReads = false;
    expect(visibleText(await bot.send('is it safe?'))).toMatch(/not enough reliable information/);
  });

  it('still answers when state cannot be saved', async () => {
    const storage = new FlakyStorage();
    storage.failWrites = true;
    const bot = botClient({ storage });
    expect(visibleText(await bot.send('what is CST'))).toMatch(/skull/);
  });
});

describe('Teams', () => {
  it("removes the bot's @mention before understanding", async () => {
    const bot = botClient({ channelId: 'msteams' });
    const replies = await bot.send({
      text: '<at>Therapy Bot</at> is there proof CST works for IBS?',
      recipient: { id: 'bot', name: 'Therapy Bot' },
      entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Therapy Bot' }, text: '<at>Therapy Bot</at>' }],
    });
    expect(visibleText(replies)).toMatch(/Irritable bowel syndrome/);
  });
});
