// One structured log line per turn and per piece of feedback, where reports and dashboards pick them up.
import { REDACTED, type Logger } from './logger';
import type { FeedbackEvent } from './feedback';
import type { TurnListener, TurnRecord } from './turn-record';

/**
 * The logger for turn lines. Its lines are built field by field below and never hold an activity, so the
 * logger's defence-in-depth redaction (wildcard paths, a walk over every field: most of the cost of a
 * line) is narrowed to the one top-level field that could ever carry text by mistake.
 */
export function turnLogger(logger: Logger): Logger {
  return logger.child({}, { redact: { paths: ['text'], censor: REDACTED } });
}

export class TurnLog implements TurnListener {
  private readonly turns: Logger;

  constructor(private readonly logger: Logger) {
    this.turns = turnLogger(logger);
  }

  turnEnded(turn: TurnRecord): void {
    const main = turn.main;
    this.turns.info(
      {
        event: 'turn',
        correlationId: turn.correlationId,
        conversation: turn.conversation,
        channel: turn.channel,
        activityType: turn.activityType,
        language: turn.language,
        outcome: turn.outcome,
        kind: main?.kind,
        therapy: main?.therapyId,
        topics: main?.topics,
        ratings: main?.ratings,
        unknownTherapy: main?.unknownTherapy,
        unlistedConditions: main?.unlistedConditions.length ? main.unlistedConditions : undefined,
        handoff: turn.handoff,
        latencyMs: Math.round(turn.latencyMs * 10) / 10,
        ...(turn.messageText !== undefined ? { messageText: turn.messageText } : {}),
      },
      'turn',
    );
  }

  feedbackGiven(event: FeedbackEvent): void {
    this.logger.info({ event: 'feedback', ...event }, 'feedback');
  }
}
