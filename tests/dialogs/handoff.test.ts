// Asking for a person, as the settings allow: no promise without a receiver, contact details when given,
// a ticket only once the webhook accepted it, and an honest status while the request stands.
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { botClient, visibleText } from '../helpers/bot-client';

const RECEIVER = 'https://tickets.example.org';
const WEBHOOK = {
  HANDOFF_WEBHOOK_URL: `${RECEIVER}/handoff`,
  HANDOFF_WEBHOOK_SECRET: 'a-shared-secret-of-some-length',
  HANDOFF_WEBHOOK_TIMEOUT_MS: '1500',
};
const CONTACT = { SUPPORT_PHONE: '0800 123 456', SUPPORT_EMAIL: 'help@example.org', SUPPORT_HOURS: 'weekdays 9 to 5' };
/** Words that promise a person will come. */
const PROMISE =
  /someone will|will (reply|get back|contact|be in touch)|passing (this|you|your)|a member of (our|the) (support )?team (will|is)|stay in this chat/i;

const text = (activities: Partial<Activity>[]) => visibleText(activities.filter((a) => a.type === 'message'));
const handoffEvent = (activities: Partial<Activity>[]) => activities.find((a) => a.type === 'event' && a.name === 'handoff.initiate');

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('asking for a person with no receiver configured', () => {
  it('promises nothing and points to the support desk and a health professional', async () => {
    const bot = botClient();
    const reply = await bot.send('can I talk to a real person please');
    expect(text(reply)).not.toMatch(PROMISE);
    expect(text(reply)).toMatch(/can't put you through to a person/);
    expect(text(reply)).toMatch(/support desk/);
    expect(handoffEvent(reply)).toBeDefined();
  });

  it('offers the contact details from the settings, and the welcome says how to reach a person', async () => {
    const bot = botClient({ env: CONTACT });
    const reply = text(await bot.send('I want to speak to a human'));
    expect(reply).toContain('Call 0800 123 456 or email help@example.org (weekdays 9 to 5).');
    expect(reply).not.toMatch(PROMISE);
    expect(text(await bot.send('start over'))).not.toMatch(/reach/);
    expect(text(await bot.send('help'))).toMatch(/ask me for our support team's contact details/);
  });

  it('says where the request stands when the person comes back, never the welcome again; cancel returns to the bot', async () => {
    const bot = botClient({ env: CONTACT });
    await bot.send('talk to a person');
    const waiting = text(await bot.send('hello? is anyone there?'));
    expect(waiting).toMatch(/You asked for a person at \d\d:\d\d \(UTC\)/);
    expect(waiting).toContain('0800 123 456');
    expect(waiting).not.toMatch(/^.*Hello! I answer questions/);
    expect(text(await bot.send('qwzx vbnm'))).toMatch(/You asked for a person/);
    expect(text(await bot.send('is craniosacral therapy safe in pregnancy?'))).toMatch(/pregnan/i);
    expect(text(await bot.send('cancel'))).toMatch(/carry on here/);
    expect(text(await bot.send('hello'))).toMatch(/Hello! I answer questions/);
  });

  it('still puts an emergency first while a request for a person stands', async () => {
    const bot = botClient();
    await bot.send('talk to a person');
    expect(text(await bot.send("my husband collapsed and isn't breathing"))).toMatch(/emergency/i);
  });
});

describe('asking for a person with a ticket webhook', () => {
  it('creates a ticket, says so only once it was accepted, and sends the conversation so far', async () => {
    let body: { transcript: { from: string; text: string }[]; reason: string; answers: unknown[] } | undefined;
    nock(RECEIVER)
      .post('/handoff')
      .reply(function (_uri, raw) {
        body = typeof raw === 'string' ? JSON.parse(raw) : raw;
        return [201, { reference: 'TCK-42' }];
      });
    const bot = botClient({ env: { ...WEBHOOK, HANDOFF_NEXT_STEPS_TEXT: "We'll email you within one working day." } });
    await bot.send('is craniosacral therapy safe?');
    const reply = await bot.send('can a nurse call me back?');
    expect(text(reply)).toMatch(/passed your request to our support team/);
    expect(text(reply)).toContain('reference TCK-42');
    expect(text(reply)).toContain("We'll email you within one working day.");
    expect(handoffEvent(reply)).toBeDefined();
    expect(body?.reason).toBe('requested');
    expect(body?.transcript.map((line) => line.from)).toEqual(['user', 'bot', 'user']);
    expect(body?.transcript[2].text).toBe('can a nurse call me back?');
    expect(body?.answers).toHaveLength(1);
  });

  it('keeps one request a conversation: asking again says where it stands', async () => {
    const scope = nock(RECEIVER).post('/handoff').once().reply(201, { reference: 'TCK-7' });
    const bot = botClient({ env: WEBHOOK });
    await bot.send('talk to a person');
    const again = text(await bot.send('I still want a human'));
    expect(again).toMatch(/You asked for a person at/);
    expect(again).toContain('TCK-7');
    expect(scope.isDone()).toBe(true);
    expect(text(await bot.send('cancel'))).toMatch(/reference TCK-7\) has already reached our support team/);
  });

  it("tells the support team the conversation's language, and tells the person in it", async () => {
    let body: { language?: string; locale?: string } | undefined;
    nock(RECEIVER)
      .post('/handoff')
      .reply(function (_uri, raw) {
        body = typeof raw === 'string' ? JSON.parse(raw) : raw;
        return [201, { reference: 'TCK-9' }];
      });
    const bot = botClient({ env: WEBHOOK });
    const reply = text(await bot.send({ text: 'Quisiera hablar con una persona de verdad, por favor.', locale: 'es-ES' }));
    expect(reply).toMatch(/TCK-9/);
    expect(reply).toMatch(/equipo de asistencia/);
    expect(body?.language).toBe('es');
    expect(body?.locale).toBe('es-ES');
  });

  it('tells the truth when the receiver refuses or is down, and offers the contact details', async () => {
    nock(RECEIVER).post('/handoff').reply(500).persist();
    const bot = botClient({ env: { ...WEBHOOK, ...CONTACT } });
    const reply = text(await bot.send('talk to a person'));
    expect(reply).toMatch(/couldn't pass your request to our support team just now/);
    expect(reply).toContain('0800 123 456');
    expect(reply).not.toMatch(/reference/);
    expect(reply).not.toMatch(PROMISE);
  });

  it('the welcome says a person can be asked for', async () => {
    const bot = botClient({ env: WEBHOOK });
    expect(text(await bot.send('help'))).toMatch(/ask me and I'll pass your request to our support team/);
  });
});
