// Retries a call that may fail for a moment (a busy or restarting Bot Connector, a ticket webhook) with
// exponential backoff and jitter, honouring Retry-After up to a cap.

export interface Backoff {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before the first retry; it doubles for each further retry. */
  baseDelayMs: number;
  /** No wait is longer, whatever a server asks for in Retry-After. */
  maxDelayMs: number;
}

/** How one try of an operation ended: its value, or the error it threw. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Why an outcome is worth another try, for the log, and how long the server asked us to wait. */
export interface Transient {
  reason: string;
  retryAfterMs?: number;
}

export interface RetryOptions<T> {
  backoff: Backoff;
  /** A Transient when the outcome may succeed on another try; undefined when it is final. */
  transient(outcome: Attempt<T>): Transient | undefined;
  onRetry(retry: { attempt: number; delayMs: number; reason: string }): void;
  /** The last try failed transiently too: the outcome is handed back as it is. */
  onGiveUp(giveUp: { attempts: number; reason: string }): void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Delay before retry number `retry` (1 = the first retry): base × 2^(retry-1), of which a random half is
 * jitter (so many bots don't retry in step), never less than Retry-After, never more than the cap.
 */
export function retryDelay(retry: number, backoff: Backoff, retryAfterMs = 0, random: () => number = Math.random): number {
  const exponential = backoff.baseDelayMs * 2 ** (retry - 1);
  const jittered = exponential / 2 + (random() * exponential) / 2;
  return Math.round(Math.min(backoff.maxDelayMs, Math.max(jittered, retryAfterMs)));
}

/** Runs `operation` until it succeeds, fails for good, or runs out of attempts; returns or throws its last outcome. */
export async function retry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions<T>): Promise<T> {
  const { backoff, sleep = wait, random = Math.random } = options;
  for (let attempt = 1; ; attempt++) {
    const outcome: Attempt<T> = await operation(attempt).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const transient = options.transient(outcome);
    if (transient && attempt < backoff.attempts) {
      const delayMs = retryDelay(attempt, backoff, transient.retryAfterMs, random);
      options.onRetry({ attempt, delayMs, reason: transient.reason });
      await sleep(delayMs);
      continue;
    }
    if (transient) options.onGiveUp({ attempts: attempt, reason: transient.reason });
    if (outcome.ok) return outcome.value;
    throw outcome.error;
  }
}

/** Statuses worth retrying: timeouts, throttling and server errors (not 501/505, which never change). */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
