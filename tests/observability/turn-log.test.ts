import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger';
import { turnLogger } from '../../src/observability/turn-log';

describe('turnLogger', () => {
  it('still redacts a text field logged by mistake, and keeps the parent logger as it was', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    turnLogger(logger).info({ event: 'turn', text: 'my health question', outcome: 'answered' }, 'turn');
    logger.info({ activity: { text: 'whole activity' } }, 'other');
    const [turn, other] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(turn).toMatchObject({ event: 'turn', text: '[redacted]', outcome: 'answered', service: 'natural-therapy-bot' });
    expect(other.activity).toEqual({ text: '[redacted]' });
  });
});
