// The HTTP pipeline policy that retries every Bot Connector request. Plain TypeScript: the pipeline shapes
// below are the few members of @azure/core-rest-pipeline that the policy touches.
import { isTransientStatus, parseRetryAfter, retry, type Backoff, type RetryOptions } from '../util/retry';

export interface HttpRequestLike {
  method: string;
  url: string;
  /** Milliseconds before the request is abandoned (0: never). */
  timeout: number;
}
export interface HttpResponseLike {
  status: number;
  headers: { get(name: string): string | undefined };
}
export interface PipelinePolicyLike {
  name: string;
  sendRequest(request: HttpRequestLike, next: (request: HttpRequestLike) => Promise<HttpResponseLike>): Promise<HttpResponseLike>;
}

/** Where retries and give-ups are reported; never given bodies or headers, so no message text or token. */
export interface RetryLog {
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const CONNECTOR_RETRY_POLICY_NAME = 'botConnectorRetry';

/**
 * Retries a Bot Connector request after a transient status or a network error, and logs each retry.
 * Each try gets `timeoutMs`; a try that times out (AbortError) is not retried: the connector is slow rather
 * than down, the reply may still arrive, and the channel only waits about 15 s for the whole turn.
 */
export function connectorRetryPolicy(
  log: RetryLog,
  backoff: Backoff,
  timeoutMs: number,
  options: Pick<RetryOptions<HttpResponseLike>, 'sleep' | 'random'> = {},
): PipelinePolicyLike {
  return {
    name: CONNECTOR_RETRY_POLICY_NAME,
    async sendRequest(request, next) {
      if (!(request.timeout > 0)) request.timeout = timeoutMs;
      const where = { method: request.method, path: safePath(request.url) };
      return retry((_attempt) => next(request), {
        ...options,
        backoff,
        transient(outcome) {
          if (outcome.ok) {
            const { status, headers } = outcome.value;
            return isTransientStatus(status)
              ? { reason: `HTTP ${status}`, retryAfterMs: parseRetryAfter(headers.get('retry-after')) }
              : undefined;
          }
          const error = outcome.error as { name?: string; code?: string };
          if (error?.name === 'AbortError') return undefined;
          return { reason: error?.code ?? error?.name ?? 'network error' };
        },
        onRetry: ({ attempt, delayMs, reason }) =>
          log.warn({ ...where, attempt, reason, delayMs }, 'Bot Connector request failed; retrying'),
        onGiveUp: ({ attempts, reason }) => log.error({ ...where, attempts, reason }, 'Bot Connector request failed; giving up'),
      });
    },
  };
}

/** The URL path only (conversation and activity ids), never a query string. */
function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '(unparseable url)';
  }
}
