// Request budgets per caller: a sliding window of one minute, approximated by
// two fixed windows (the previous one weighted by how much of it still
// overlaps) — constant memory per key, no timer. In memory, per instance; the
// same arithmetic over a shared table is in shared-rate-limit.ts.
import { AppError } from "../errors";
import { clientAddress, type HeaderLookup, trustedProxies } from "./client-address";

export interface Budget {
  /** requests allowed per minute */
  perMinute: number;
}

/** Counts requests against budgets; answers the seconds to wait when one is spent. */
export interface RateLimitStore {
  take(key: string, budget: Budget): Promise<number | null>;
}

export const WINDOW_MS = 60_000;

/**
 * The sliding estimate for a request at `now` given the two windows' counts
 * (without this request): null when it fits, else the whole seconds to wait.
 */
export function overBudget(now: number, previous: number, current: number, budget: Budget): number | null {
  const elapsed = (now % WINDOW_MS) / WINDOW_MS;
  const estimate = previous * (1 - elapsed) + current;
  if (estimate + 1 <= budget.perMinute) return null;
  // Time until enough of the previous window has slid out (or, with no previous, the next window).
  const needed = estimate + 1 - budget.perMinute;
  const wait = previous > 0 ? Math.min(needed / previous, 1 - elapsed) : 1 - elapsed;
  return Math.max(1, Math.ceil((wait * WINDOW_MS) / 1000));
}
const MAX_KEYS = 100_000;

interface Counter {
  window: number;
  current: number;
  previous: number;
}

export class RateLimiter {
  private counters = new Map<string, Counter>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one request; returns the seconds to wait if it is over budget (and then it is not counted). */
  take(key: string, budget: Budget): number | null {
    const now = this.now();
    const window = Math.floor(now / WINDOW_MS);
    let c = this.counters.get(key);
    if (!c || c.window < window - 1) c = { window, current: 0, previous: 0 };
    else if (c.window === window - 1) c = { window, current: 0, previous: c.current };
    const wait = overBudget(now, c.previous, c.current, budget);
    if (wait !== null) {
      this.counters.set(key, c);
      return wait;
    }
    c.current++;
    if (this.counters.size >= MAX_KEYS && !this.counters.has(key)) this.sweep(window);
    this.counters.set(key, c);
    return null;
  }

  private sweep(window: number): void {
    for (const [k, c] of this.counters) if (c.window < window - 1) this.counters.delete(k);
    // Under a flood of distinct keys, forget the oldest half rather than grow without bound.
    if (this.counters.size >= MAX_KEYS) {
      let n = 0;
      for (const k of this.counters.keys()) if (n++ < MAX_KEYS / 2) this.counters.delete(k);
    }
  }
}

export function tooManyRequests(retryAfterSeconds: number): AppError {
  return new AppError(429, "rate_limited", `Too many requests. Try again in ${retryAfterSeconds} s.`, {
    retryAfterSeconds,
  });
}

/** The client's address as the nearest proxy saw it (the rightmost X-Forwarded-For entry), else X-Real-IP. */
/** The client's address (see client-address.ts), for per-address budgets and the audit log. */
export function clientIpFrom(header: HeaderLookup): string {
  return clientAddress(header, trustedProxies());
}

export function clientIp(req: Request): string {
  return clientIpFrom((n) => req.headers.get(n));
}

/** The in-memory limiter as a store: budgets of this instance alone. */
export function memoryRateLimitStore(limiter = new RateLimiter()): RateLimitStore {
  return { take: async (key, budget) => limiter.take(key, budget) };
}
