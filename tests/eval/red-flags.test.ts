// The red-flag evaluation sets (tests/eval/red-flags/), written blind from one line per concept. The seen
// half was read while building; the unseen half never is: this test reports and checks only its figures.
import { describe, expect, it } from 'vitest';
import { EVAL_DIR, readCases, score } from '../../src/cli/eval-red-flags';
import { shipped } from '../helpers/understanding';

const rate = (t: { passed: number; total: number }) => t.passed / t.total;

describe('red flags on blind wordings (English, Spanish, French)', () => {
  const { understanding } = shipped();

  it('recognises the seen half and leaves its lookalikes alone', () => {
    const s = score(understanding, readCases(EVAL_DIR, 'seen'));
    expect(s.emergencies.total).toBeGreaterThanOrEqual(15 * 25);
    expect(rate(s.emergencies)).toBeGreaterThanOrEqual(0.99);
    expect(rate(s.lookalikes)).toBeGreaterThanOrEqual(0.99);
  });

  // The targets: 98% of emergencies, 95% of lookalikes, no concept below 90%. A change that loses ground fails here.
  it('holds its ground on the unseen half, which is never read', () => {
    const s = score(understanding, readCases(EVAL_DIR, 'unseen'));
    expect(s.emergencies.total).toBeGreaterThanOrEqual(15 * 25);
    expect(rate(s.emergencies)).toBeGreaterThanOrEqual(0.98);
    expect(rate(s.lookalikes)).toBeGreaterThanOrEqual(0.95);
    for (const [concept, t] of s.byConcept) {
      if (t.emergencies.total > 0) expect(rate(t.emergencies), concept).toBeGreaterThanOrEqual(0.9);
    }
  });
});
