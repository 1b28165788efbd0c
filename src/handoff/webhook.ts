// Sends a request for a person to the organisation's ticket webhook: a JSON POST signed with HMAC-SHA256,
// retried with backoff when the receiver fails for a moment, and given up at a deadline so the person is
// never left without a reply. Only the receiver sees the payload; the log gets its id, status and timing.
import { createHmac } from 'node:crypto';
import type { Logger } from '../observability/logger';
import { isTransientStatus, parseRetryAfter, retry, type Backoff } from '../util/retry';
import type { HandoffPayload, HandoffReceiver, SubmitResult } from './payload';

export const SIGNATURE_HEADER = 'X-Handoff-Signature';
export const HANDOFF_ID_HEADER = 'X-Handoff-Id';
/** Retries within the deadline: the channel waits about 15 s for the whole turn. */
const WEBHOOK_BACKOFF: Backoff = { attempts: 4, baseDelayMs: 300, maxDelayMs: 2000 };
/** A receiver's ticket reference is shown to the person: short, and of characters that need no escaping. */
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9_#./-]{0,39}$/;

/** "t=<unix seconds>,v1=<hex HMAC-SHA256 of `${t}.${body}`>": the recipe docs/handoff.md gives receivers. */
export function signature(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';
}

export interface WebhookOptions {
  url: string;
  secret: string;
  /** The longest a request may take, retries included. */
  timeoutMs: number;
  logger: Logger;
  now?: () => number;
}

export class WebhookReceiver implements HandoffReceiver {
  constructor(private readonly options: WebhookOptions) {}

  async submit(payload: HandoffPayload): Promise<SubmitResult> {
    const { url, secret, timeoutMs, logger } = this.options;
    const now = this.options.now ?? Date.now;
    const deadline = now() + timeoutMs;
    const remaining = () => deadline - now();
    const body = JSON.stringify(payload);
    const log = { handoffId: payload.handoffId };
    const started = now();
    try {
      const response = await retry(
        async () => {
          if (remaining() <= 0) throw new DeadlineExceeded('deadline passed');
          return fetch(url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              // Signed afresh on each try, so a receiver's replay window counts from this try.
              [SIGNATURE_HEADER]: signature(secret, body, Math.floor(now() / 1000)),
              [HANDOFF_ID_HEADER]: payload.handoffId,
              'Idempotency-Key': payload.handoffId,
            },
            body,
            signal: AbortSignal.timeout(Math.max(1, remaining())),
          });
        },
        {
          backoff: WEBHOOK_BACKOFF,
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(ms, remaining())))),
          transient(outcome) {
            if (outcome.ok) {
              const { status, headers } = outcome.value;
              if (!isTransientStatus(status)) return undefined;
              return { reason: `HTTP ${status}`, retryAfterMs: parseRetryAfter(headers.get('retry-after') ?? undefined) };
            }
            const error = outcome.error as { name?: string; code?: string; cause?: { code?: string } };
            if (error?.name === 'DeadlineExceeded' || error?.name === 'TimeoutError' || error?.name === 'AbortError') return undefined;
            return { reason: error?.cause?.code ?? error?.code ?? error?.name ?? 'network error' };
          },
          onRetry: ({ attempt, delayMs, reason }) => logger.warn({ ...log, attempt, reason, delayMs }, 'handoff webhook failed; retrying'),
          onGiveUp: ({ attempts, reason }) => logger.error({ ...log, attempts, reason }, 'handoff webhook failed; giving up'),
        },
      );
      const ms = now() - started;
      if (!response.ok) {
        logger.error({ ...log, status: response.status, ms }, 'handoff webhook refused the request');
        return { accepted: false, reason: `HTTP ${response.status}` };
      }
      logger.info({ ...log, status: response.status, ms }, 'handoff webhook accepted the request');
      return { accepted: true, reference: await referenceOf(response) };
    } catch (error) {
      const reason =
        (error as Error).name === 'DeadlineExceeded' || (error as Error).name === 'TimeoutError' ? 'deadline' : (error as Error).name;
      logger.error({ ...log, reason, ms: now() - started }, 'handoff webhook unreachable');
      return { accepted: false, reason };
    }
  }
}

/** The receiver's own ticket reference, from a JSON body `{"reference": "..."}`, when it is a short plain token. */
async function referenceOf(response: Response): Promise<string | undefined> {
  try {
    const json = (await response.json()) as { reference?: unknown };
    return typeof json?.reference === 'string' && REFERENCE.test(json.reference) ? json.reference : undefined;
  } catch {
    return undefined;
  }
}
