import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/host/server';
import { messageActivity, post, startBot, type ReplyActivity } from '../helpers/bot-server';
import { startBotWithLogs } from '../helpers/jwt';
import { buildReport } from '../../src/cli/report';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const metricsText = async (headers: Record<string, string> = {}) => {
  const res = await fetch(`${server!.url}/metrics`, { headers });
  return { status: res.status, text: await res.text() };
};

/** The sum of the series of a metric whose labels include these, e.g. bot_turns_total{outcome="answered"}. */
function valueOf(text: string, name: string, labels: Record<string, string>): number {
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

const feedbackButton = (activities: ReplyActivity[], title: string) =>
  activities
    .flatMap((a) => a.attachments ?? [])
    .flatMap((att) => (att.content as { actions?: { title: string; data: object }[] }).actions ?? [])
    .find((action) => action.title === title)!.data;

describe('GET /metrics', () => {
  it('counts turns by outcome, handoffs, feedback, latency and content gaps over a scripted conversation, without text', async () => {
    server = await startBot();
    const conversation = 'metrics-conversation';
    const answered = await post(server.url, messageActivity('is CST safe for my sore jaw?', conversation, 'webchat'));
    await post(server.url, messageActivity('is kava safe?', conversation, 'webchat'));
    await post(server.url, messageActivity('does CST help insomnia?', conversation, 'webchat'));
    await post(server.url, messageActivity('my chest hurts and I feel like passing out', conversation, 'webchat'));
    await post(server.url, { ...messageActivity('', conversation, 'webchat'), value: feedbackButton(answered.activities, 'Not helpful') });
    await post(server.url, messageActivity('talk to a human please', conversation, 'webchat'));

    const { status, text } = await metricsText();
    expect(status).toBe(200);
    expect(valueOf(text, 'bot_turns_total', { outcome: 'answered', channel: 'webchat' })).toBe(1);
    expect(valueOf(text, 'bot_turns_total', { outcome: 'no-information', channel: 'webchat' })).toBe(2);
    expect(valueOf(text, 'bot_turns_total', { outcome: 'emergency' })).toBe(1);
    expect(valueOf(text, 'bot_turns_total', { outcome: 'handoff' })).toBe(1);
    expect(valueOf(text, 'bot_handoffs_total', { channel: 'webchat', outcome: 'contact-offered' })).toBe(1);
    expect(valueOf(text, 'bot_feedback_total', { rating: 'not-helpful', outcome: 'answered' })).toBe(1);
    expect(valueOf(text, 'bot_unknown_therapy_total', { therapy: 'kava' })).toBe(1);
    expect(valueOf(text, 'bot_unlisted_condition_total', { condition: 'insomnia' })).toBe(1);
    expect(text).toMatch(/bot_turn_latency_seconds_count \d+/);
    expect(text).not.toMatch(/sore jaw|passing out|talk to a human/);
  });

  it('counts one rating per answer and person, and a changed rating as withdrawn', async () => {
    const bot = (server = await startBot());
    const answered = await post(bot.url, messageActivity('is CST safe in pregnancy?', 'ratings', 'webchat'));
    const press = (title: string) =>
      post(bot.url, { ...messageActivity('', 'ratings', 'webchat'), value: feedbackButton(answered.activities, title) });
    await press('Not helpful');
    await press('Not helpful');
    await press('Helpful');
    const { text } = await metricsText();
    expect(valueOf(text, 'bot_feedback_total', { rating: 'not-helpful' })).toBe(1);
    expect(valueOf(text, 'bot_feedback_total', { rating: 'helpful' })).toBe(1);
    expect(valueOf(text, 'bot_feedback_withdrawn_total', { rating: 'not-helpful' })).toBe(1);
    expect(valueOf(text, 'bot_feedback_withdrawn_total', { rating: 'helpful' })).toBe(0);
  });

  it('counts the same turns as the report: welcomes and ratings apart, every message a person sent as one turn', async () => {
    const bot = await startBotWithLogs({ METRICS_TOKEN: '' });
    server = bot.server;
    const id = 'counting';
    const joined = { ...messageActivity('', id, 'webchat'), type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }] };
    await post(bot.server.url, joined);
    const answered = await post(bot.server.url, messageActivity('is CST safe in pregnancy?', id, 'webchat'));
    await post(bot.server.url, { ...messageActivity('', id, 'webchat'), value: feedbackButton(answered.activities, 'Helpful') });
    await post(bot.server.url, messageActivity('helpful', id, 'webchat'));
    await post(bot.server.url, messageActivity('hello', id, 'webchat'));

    const { text } = await metricsText();
    const report = buildReport(bot.logs().map((line) => JSON.stringify(line)));
    const metricTurns = valueOf(text, 'bot_turns_total', {});
    expect(metricTurns).toBe(2); // the question and the greeting
    expect(report.turns).toBe(metricTurns);
    expect(valueOf(text, 'bot_welcomes_total', {})).toBe(1);
    expect(report.welcomes).toBe(1);
    expect(report.feedback.helpful).toBe(valueOf(text, 'bot_feedback_total', { rating: 'helpful' }));
  });

  it("counts turns by the conversation's language, from the locale and from what the person writes", async () => {
    const bot = await startBotWithLogs({ METRICS_TOKEN: '' });
    server = bot.server;
    const say = (text: string, locale: string) => post(bot.server.url, { ...messageActivity(text, 'languages', 'webchat'), locale });
    await say('CST embarazo?', 'es-MX'); // too short to tell: the locale's
    await say('¿Y ayuda con las migrañas que tengo desde hace años?', 'en-US'); // clearly Spanish
    await say('Est-ce que cette thérapie aide aussi pour le mal de dos ?', 'es-MX'); // clearly French: a switch
    await say('ok', 'es-MX'); // keeps French
    const { text } = await metricsText();
    expect(valueOf(text, 'bot_turns_total', { language: 'es' })).toBe(2);
    expect(valueOf(text, 'bot_turns_total', { language: 'fr' })).toBe(2);
    expect(buildReport(bot.logs().map((line) => JSON.stringify(line))).languages).toEqual({ es: 2, fr: 2 });
  });

  it('needs the bearer token when METRICS_TOKEN is set', async () => {
    server = await startBot({ METRICS_TOKEN: 'scrape-secret' });
    expect((await metricsText()).status).toBe(401);
    expect((await metricsText({ authorization: 'Bearer wrong-secret!' })).status).toBe(401);
    expect((await metricsText({ authorization: 'Bearer scrape-secret' })).status).toBe(200);
  });

  it('is off with METRICS_ENABLED=false', async () => {
    server = await startBot({ METRICS_ENABLED: 'false' });
    expect((await metricsText()).status).toBe(404);
  });
});
