// Structured JSON logs. Message text is health information: it is never passed to the logger.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'natural-therapy-bot' },
    // Defence in depth: should a whole activity ever be logged, its text and secrets are dropped.
    redact: {
      paths: ['text', '*.text', 'activity.text', 'MicrosoftAppPassword', '*.MicrosoftAppPassword', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  });
}
