// Answers in the person's language, over the real Bot Framework protocol: the locale's language from the
// welcome to the handoff, the text's when it is clearly another, the emergency numbers of the locale's region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/host/server';
import { messageActivity, post, replyText, startBot, type ReplyActivity } from '../helpers/bot-server';
import { shippedKnowledge } from '../helpers/bot-server';

let bot: RunningServer;
let defaultRegionBot: RunningServer;
beforeAll(async () => {
  bot = await startBot();
  defaultRegionBot = await startBot({ DEFAULT_REGION: 'gb' });
});
afterAll(async () => {
  await bot.close();
  await defaultRegionBot.close();
});

const knowledge = shippedKnowledge();
const disclaimer = (language: 'en' | 'es' | 'fr') => knowledge.inLanguage(language).replies.disclaimer;

let conversations = 0;
/** One conversation sent with `locale`; each call of the returned function is one message. */
function conversation(locale: string | undefined, server: () => RunningServer = () => bot) {
  const id = `lang-${++conversations}`;
  return async (text: string) => {
    const activity = { ...messageActivity(text, id), ...(locale ? { locale } : {}) };
    const { status, activities } = await post(server().url, activity);
    expect(status).toBe(200);
    return activities;
  };
}
const messages = (activities: ReplyActivity[]) => activities.filter((a) => a.type === 'message');

describe("a conversation in the locale's language", () => {
  it.each([
    ['es-MX', 'es', /Embarazo y lactancia/, /Hola/, 'quiero hablar con una persona'],
    ['fr-CA', 'fr', /Grossesse et allaitement/, /Bonjour/, 'je veux parler à une personne'],
  ] as const)(
    '%s: the welcome, an answer and the handoff are in %s, each with the disclaimer in it',
    async (locale, language, pregnancy, hello, askForPerson) => {
      const id = `welcome-${locale}`;
      const join = {
        ...messageActivity('', id),
        type: 'conversationUpdate',
        text: undefined,
        locale,
        membersAdded: [{ id: 'user-1', name: 'User' }],
      };
      const welcome = messages((await post(bot.url, join)).activities);
      expect(replyText(welcome)).toMatch(hello);
      const send = async (text: string) => messages((await post(bot.url, { ...messageActivity(text, id), locale })).activities);
      const answer = await send(
        language === 'es'
          ? '¿Es segura la terapia craneosacral en el embarazo?'
          : 'La thérapie crânio-sacrée est-elle sûre pendant la grossesse ?',
      );
      expect(replyText(answer)).toMatch(pregnancy);
      const handoff = await send(askForPerson);
      for (const reply of [welcome, answer, handoff]) {
        expect(replyText(reply)).toContain(disclaimer(language));
        expect(replyText(reply)).not.toContain(disclaimer('en'));
      }
      // The reply says its language: the disclaimer follows it, and so does the voice.
      expect(answer[0].speak).toMatch(
        new RegExp(`^<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="${locale}">`),
      );
      expect((answer[0] as { locale?: string }).locale).toBe(locale);
      // Buttons and suggestions are in the language too.
      const card = JSON.stringify(answer[0].attachments);
      expect(card).toContain(knowledge.inLanguage(language).replies.buttons.helpful);
    },
  );

  it('answers in the language the person clearly writes in, whatever the locale, and keeps it for short follow-ups', async () => {
    const send = conversation('en-US');
    expect(replyText(await send('Est-ce que la thérapie crânio-sacrée aide vraiment pour les migraines ?'))).toContain(disclaimer('fr'));
    expect(replyText(await send('et le dos ?'))).toContain(disclaimer('fr'));
    // A clear switch back to English.
    expect(replyText(await send('Sorry, can you tell me in English whether craniosacral therapy is safe?'))).toContain(disclaimer('en'));
  });
});

describe('emergency numbers for where the person is', () => {
  it.each([
    ['en-US', 'my dad has crushing chest pain right now', /Call 911 now/, /988/],
    ['en-GB', 'my dad has crushing chest pain right now', /Call 999 now/, /Samaritans \(116 123\)/],
    ['fr-FR', 'mon père a une douleur écrasante à la poitrine en ce moment', /le 15 ou le 112/, /3114/],
    ['es-ES', 'mi padre tiene un dolor muy fuerte en el pecho ahora mismo', /al 112/, /024/],
  ] as const)(
    '%s: the emergency number first, and the crisis line for thoughts of suicide',
    async (locale, chestPain, emergency, crisis) => {
      const medical = replyText(messages(await conversation(locale)(chestPain)));
      expect(medical).toMatch(emergency);
      const language = locale.split('-')[0];
      const suicidal = { en: 'I want to kill myself', fr: 'je veux me suicider', es: 'quiero suicidarme' }[language]!;
      expect(replyText(messages(await conversation(locale)(suicidal)))).toMatch(crisis);
    },
  );

  it('gives no number at all where the region is unknown, and the local number in words', async () => {
    for (const locale of ['en', 'es-AR', undefined]) {
      const reply = replyText(messages(await conversation(locale)('my dad has crushing chest pain right now')));
      expect(reply).not.toMatch(/\b(911|999|112|988|15)\b/);
      expect(reply).toMatch(/local emergency number|número de emergencias/);
    }
  });

  it("uses DEFAULT_REGION when the locale names no region, and the locale's region when it does", async () => {
    const reply = replyText(messages(await conversation('en', () => defaultRegionBot)('my dad has crushing chest pain right now')));
    expect(reply).toMatch(/Call 999 now/);
    const us = replyText(messages(await conversation('en-US', () => defaultRegionBot)('my dad has crushing chest pain right now')));
    expect(us).toMatch(/Call 911 now/);
  });
});
