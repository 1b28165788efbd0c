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

  // The targets are 98% of emergencies, 95% of lookalikes and no concept below 90%; the floors stand at the
  // figures reached, so a change that loses ground fails here (suicidal thoughts are at 87.5%: docs/red-flags.md).
  it('holds its ground on the unseen half, which is never read', () => {
    const s = score(understanding, readCases(EVAL_DIR, 'unseen'));
    expect(s.emergencies.total).toBeGreaterThanOrEqual(15 * 25);
    expect(rate(s.emergencies)).toBeGreaterThanOrEqual(0.98);
    expect(rate(s.lookalikes)).toBeGreaterThanOrEqual(0.95);
    for (const [, t] of s.byConcept) expect(rate(t.emergencies)).toBeGreaterThanOrEqual(0.85);
  });
});
