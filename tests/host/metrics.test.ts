import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/host/server';
import { messageActivity, post, startBot, type ReplyActivity } from '../helpers/bot-server';

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
