// Structured JSON logs. Message text is health information: it is never passed to the logger.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** What a redacted field is logged as. */
export const REDACTED = '[redacted]';

/** Logs to stdout, or to `destination` (tests capture the lines there). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'natural-therapy-bot' },
    // Defence in depth: should a whole activity ever be logged, its text and secrets are dropped.
    redact: {
      paths: ['text', '*.text', 'activity.text', 'MicrosoftAppPassword', '*.MicrosoftAppPassword', 'req.headers.authorization'],
      censor: REDACTED,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
