import { describe, expect, it } from 'vitest';
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
