import { describe, expect, it } from 'vitest';
import { BotMetrics } from '../../src/observability/metrics';
import { mainAnswer, turnOutcome, type AnswerSummary } from '../../src/observability/turn-record';

const summary = (outcome: AnswerSummary['outcome'], kind: AnswerSummary['kind'] = 'monograph'): AnswerSummary => ({
  kind,
  outcome,
  topics: [],
  ratings: [],
  unlistedConditions: [],
});

describe('a turn record', () => {
  it('takes a handoff or an emergency as the outcome over the answer beside it', () => {
    expect(turnOutcome([summary('answered'), summary('handoff', 'handoff')])).toBe('handoff');
    expect(turnOutcome([summary('social', 'thanks'), summary('emergency', 'emergency')])).toBe('emergency');
    expect(turnOutcome([summary('clarification', 'did-you-mean')])).toBe('clarification');
    expect(turnOutcome([])).toBe('none');
  });

  it('is about the first answer that is not small talk', () => {
    const thanks = summary('social', 'thanks');
    const answer = summary('answered');
    expect(mainAnswer([thanks, answer])).toBe(answer);
    expect(mainAnswer([thanks])).toBe(thanks);
    expect(mainAnswer([])).toBeUndefined();
  });
});

describe('handoffs in the metrics', () => {
  it('are counted by how they went', async () => {
    const metrics = new BotMetrics({ processMetrics: false });
    const turn = (handoff?: 'contact-offered' | 'ticket-created' | 'ticket-failed') => ({
      conversation: 'c',
      channel: 'msteams',
      outcome: handoff ? 'handoff' : 'social',
      answers: [],
      handoff,
      latencyMs: 1,
    });
    metrics.turnEnded(turn('ticket-created'));
    metrics.turnEnded(turn('ticket-failed'));
    metrics.turnEnded(turn('ticket-failed'));
    metrics.turnEnded(turn());
    const text = await metrics.registry.metrics();
    expect(text).toContain('bot_handoffs_total{channel="msteams",outcome="ticket-created"} 1');
    expect(text).toContain('bot_handoffs_total{channel="msteams",outcome="ticket-failed"} 2');
    expect(text).not.toContain('outcome="contact-offered"} ');
  });
});
