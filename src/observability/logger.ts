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

/** The message of the line the bot logs once it listens, with its URLs (`messages`, and `chatPage` when served). */
export const BOT_READY = 'bot ready';

/** The /api/messages URL from a started bot's output, once its "bot ready" line is complete; else undefined. */
export function botReadyUrl(output: string): string | undefined {
  for (const line of output.split('\n')) {
    if (!line.includes(`"${BOT_READY}"`)) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; messages?: unknown };
      if (entry.msg === BOT_READY && typeof entry.messages === 'string') return entry.messages;
    } catch {
      // a line still being written
    }
  }
  return undefined;
}
