import { describe, expect, it } from 'vitest';
import { connectorRetryPolicy, type HttpRequestLike, type HttpResponseLike } from '../../src/host/connector-retry';
import { isTransientStatus, parseRetryAfter, retry, retryDelay, type Attempt, type Backoff } from '../../src/util/retry';

const backoff: Backoff = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };

describe('retryDelay', () => {
  it('doubles per retry, half of it jitter', () => {
    expect([1, 2, 3].map((n) => retryDelay(n, backoff, 0, () => 0))).toEqual([50, 100, 200]);
    expect([1, 2, 3].map((n) => retryDelay(n, backoff, 0, () => 1))).toEqual([100, 200, 400]);
  });

  it('waits at least what Retry-After asks, but never longer than the cap', () => {
    expect(retryDelay(1, backoff, 700, () => 0)).toBe(700);
    expect(retryDelay(1, backoff, 120_000, () => 0)).toBe(1000);
    expect(retryDelay(10, backoff, 0, () => 1)).toBe(1000);
  });
});

describe('retry', () => {
  const transientErrors = (outcome: Attempt<string>) => (outcome.ok ? undefined : { reason: String(outcome.error) });

  function harness() {
    const waits: number[] = [];
    const events: string[] = [];
    const options = {
      backoff,
      transient: transientErrors,
      onRetry: ({ attempt, reason }: { attempt: number; reason: string }) => void events.push(`retry ${attempt} ${reason}`),
      onGiveUp: ({ attempts }: { attempts: number }) => void events.push(`give up after ${attempts}`),
      sleep: async (ms: number) => void waits.push(ms),
      random: () => 0,
    };
    return { waits, events, options };
  }

  it('tries again after transient failures and returns the first success', async () => {
    const { waits, events, options } = harness();
    let calls = 0;
    const result = await retry(async () => (++calls < 3 ? Promise.reject(new Error(`busy ${calls}`)) : 'sent'), options);
    expect(result).toBe('sent');
    expect(calls).toBe(3);
    expect(waits).toEqual([50, 100]);
    expect(events).toEqual(['retry 1 Error: busy 1', 'retry 2 Error: busy 2']);
  });

  it('gives up after the last attempt and throws its error', async () => {
    const { events, options } = harness();
    let calls = 0;
    await expect(retry(async () => Promise.reject(new Error(`busy ${++calls}`)), options)).rejects.toThrow('busy 3');
    expect(calls).toBe(3);
    expect(events.at(-1)).toBe('give up after 3');
  });

  it('does not retry a failure that is final', async () => {
    const { waits, options } = harness();
    let calls = 0;
    const final = { ...options, transient: () => undefined };
    await expect(retry(async () => Promise.reject(new Error(`refused ${++calls}`)), final)).rejects.toThrow('refused 1');
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
  });
});

describe('isTransientStatus', () => {
  it.each([408, 429, 500, 502, 503, 504, 599])('retries %i', (status) => expect(isTransientStatus(status)).toBe(true));
  it.each([200, 201, 301, 400, 401, 403, 404, 409, 413, 501, 505])('does not retry %i', (status) =>
    expect(isTransientStatus(status)).toBe(false),
  );
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores anything else', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:02 GMT', now)).toBe(2000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('connectorRetryPolicy', () => {
  const response = (status: number, retryAfter?: string): HttpResponseLike => ({
    status,
    headers: { get: (name: string) => (name.toLowerCase() === 'retry-after' ? retryAfter : undefined) },
  });
  const request = (): HttpRequestLike => ({
    method: 'POST',
    url: 'https://smba.example.test/amer/v3/conversations/c1/activities/a1?secret=1',
    timeout: 0,
  });

  function harness(outcomes: (HttpResponseLike | Error)[]) {
    const logs: { level: string; fields: Record<string, unknown>; message: string }[] = [];
    const waits: number[] = [];
    const timeouts: number[] = [];
    const log = {
      warn: (fields: object, message: string) => void logs.push({ level: 'warn', fields: fields as Record<string, unknown>, message }),
      error: (fields: object, message: string) => void logs.push({ level: 'error', fields: fields as Record<string, unknown>, message }),
    };
    const policy = connectorRetryPolicy(log, backoff, 5000, { sleep: async (ms) => void waits.push(ms), random: () => 0 });
    let calls = 0;
    const next = async (req: HttpRequestLike) => {
      timeouts.push(req.timeout);
      const outcome = outcomes[calls++];
      if (outcome instanceof Error) throw outcome;
      return outcome;
    };
    return { logs, waits, timeouts, policy, next, calls: () => calls };
  }

  it('retries a 503 and a reset connection, then returns the success; each retry logged without the query', async () => {
    const h = harness([response(503), Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), response(201)]);
    const result = await h.policy.sendRequest(request(), h.next);
    expect(result.status).toBe(201);
    expect(h.calls()).toBe(3);
    expect(h.logs.map((l) => [l.level, l.fields.attempt, l.fields.reason])).toEqual([
      ['warn', 1, 'HTTP 503'],
      ['warn', 2, 'ECONNRESET'],
    ]);
    expect(h.logs[0].fields.path).toBe('/amer/v3/conversations/c1/activities/a1');
    expect(JSON.stringify(h.logs)).not.toContain('secret');
  });

  it('gives each try a timeout, keeping one the caller already set', async () => {
    const h = harness([response(200), response(200)]);
    await h.policy.sendRequest(request(), h.next);
    await h.policy.sendRequest({ ...request(), timeout: 1234 }, h.next);
    expect(h.timeouts).toEqual([5000, 1234]);
  });

  it('honours Retry-After on 429 up to the cap', async () => {
    const h = harness([response(429, '1'), response(429, '120'), response(200)]);
    expect((await h.policy.sendRequest(request(), h.next)).status).toBe(200);
    expect(h.waits).toEqual([1000, 1000]);
  });

  it('hands back a refusal (400) at once', async () => {
    const h = harness([response(400)]);
    expect((await h.policy.sendRequest(request(), h.next)).status).toBe(400);
    expect(h.calls()).toBe(1);
    expect(h.logs).toEqual([]);
  });

  it('does not retry a try that timed out (AbortError)', async () => {
    const aborted = Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
    const h = harness([aborted, response(200)]);
    await expect(h.policy.sendRequest(request(), h.next)).rejects.toThrow('aborted');
    expect(h.calls()).toBe(1);
  });

  it('after the last try, hands back the failure and logs that it gave up', async () => {
    const h = harness([response(503), response(502), response(503)]);
    expect((await h.policy.sendRequest(request(), h.next)).status).toBe(503);
    expect(h.calls()).toBe(3);
    expect(h.logs.at(-1)).toMatchObject({ level: 'error', fields: { attempts: 3, reason: 'HTTP 503' } });
  });
});
