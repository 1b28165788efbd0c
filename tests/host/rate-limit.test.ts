import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/host/rate-limit';

describe('RateLimiter', () => {
  it('allows the limit within a window, then refuses with the time left', () => {
    let now = 1000;
    const limiter = new RateLimiter(2, 10_000, 100, () => now);
    expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('a').allowed).toBe(true);
    now = 4000;
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterMs: 7000 });
    expect(limiter.hit('b').allowed).toBe(true);
    now = 11_000;
    expect(limiter.hit('a').allowed).toBe(true);
  });

  it('keeps memory bounded however many keys it sees', () => {
    const limiter = new RateLimiter(5, 60_000, 1000);
    for (let i = 0; i < 50_000; i++) limiter.hit(`conversation-${i}`);
    expect(limiter.size).toBe(1000);
  });

  it('allows everything with a limit of 0', () => {
    const limiter = new RateLimiter(0, 60_000);
    for (let i = 0; i < 100; i++) expect(limiter.hit('a').allowed).toBe(true);
  });
});
