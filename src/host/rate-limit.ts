// Fixed-window rate limits per key (a conversation, a user id). Not per IP address: in production
// every channel's traffic arrives from the Bot Connector's addresses. Bounded: at most maxKeys
// windows are tracked, the oldest dropped first, so memory stays flat under many conversations.

export interface RateDecision {
  allowed: boolean;
  /** When refused: how long until the window resets. */
  retryAfterMs: number;
}

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for the key; a limit of 0 allows everything. */
  hit(key: string): RateDecision {
    if (this.limit <= 0) return { allowed: true, retryAfterMs: 0 };
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.delete(key);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > this.maxKeys) this.windows.delete(this.windows.keys().next().value as string);
    }
    window.count += 1;
    if (window.count <= this.limit) return { allowed: true, retryAfterMs: 0 };
    return { allowed: false, retryAfterMs: window.start + this.windowMs - now };
  }

  get size(): number {
    return this.windows.size;
  }
}
