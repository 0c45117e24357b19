import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("rate limiter", () => {
  it("trips at the budget, says how long to wait, and recovers as the window slides", () => {
    let now = 60_000 * 100; // the start of a window
    const limiter = new RateLimiter(() => now);
    for (let i = 0; i < 5; i++) expect(limiter.take("ip:1", { perMinute: 5 })).toBeNull();
    expect(limiter.take("ip:1", { perMinute: 5 })).toBe(60);
    expect(limiter.take("ip:2", { perMinute: 5 })).toBeNull(); // other callers are unaffected
    now += 60_000; // next window: the previous five still weigh fully at its start
    expect(limiter.take("ip:1", { perMinute: 5 })).toBe(12);
    now += 30_000; // half of them have slid out
    expect(limiter.take("ip:1", { perMinute: 5 })).toBeNull();
    expect(limiter.take("ip:1", { perMinute: 5 })).toBeNull();
    now += 120_000; // long quiet: a fresh budget
    for (let i = 0; i < 5; i++) expect(limiter.take("ip:1", { perMinute: 5 })).toBeNull();
  });

  it("does not count refused requests, so a client that waits gets through", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    expect(limiter.take("k", { perMinute: 1 })).toBeNull();
    for (let i = 0; i < 100; i++) expect(limiter.take("k", { perMinute: 1 })).not.toBeNull();
    now = 120_000;
    expect(limiter.take("k", { perMinute: 1 })).toBeNull();
  });
});
