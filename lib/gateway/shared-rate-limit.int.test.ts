import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { databaseRateLimitStore } from "./shared-rate-limit";

describe("rate-limit budgets shared through the database", () => {
  it("two instances spend one budget; a refused request is not counted; the window slides", async () => {
    let now = Date.UTC(2026, 10, 26, 9, 0, 0);
    const clock = () => now;
    // Two app instances: each has its own store object, both count in the same table.
    const a = databaseRateLimitStore(db(), clock);
    const b = databaseRateLimitStore(db(), clock);
    const budget = { perMinute: 4 };
    expect(await a.take("ip:1", budget)).toBeNull();
    expect(await b.take("ip:1", budget)).toBeNull();
    expect(await a.take("ip:1", budget)).toBeNull();
    expect(await b.take("ip:1", budget)).toBeNull();
    expect(await a.take("ip:1", budget)).toBe(60);
    expect(await b.take("ip:1", budget)).toBe(60);
    // Other callers have their own budget.
    expect(await b.take("ip:2", budget)).toBeNull();
    const row = await db().rateLimitCounter.findFirstOrThrow({ where: { key: "ip:1" } });
    expect(row.count).toBe(4);

    // Three quarters into the next minute, a quarter of the previous window still weighs: 4 × 0.25 = 1 → room for 3.
    now += 105_000;
    for (let i = 0; i < 3; i++) expect(await a.take("ip:1", budget)).toBeNull();
    expect(await b.take("ip:1", budget)).not.toBeNull();
  });

  it("answers the same as the in-memory limiter for the same sequence", async () => {
    const { RateLimiter } = await import("./rate-limit");
    let now = Date.UTC(2026, 10, 26, 9, 0, 30);
    const memory = new RateLimiter(() => now);
    const shared = databaseRateLimitStore(db(), () => now);
    const budget = { perMinute: 5 };
    for (let step = 0; step < 40; step++) {
      now += 4_000;
      expect(await shared.take("k", budget)).toBe(memory.take("k", budget));
    }
  });

  it("forgets windows older than the previous one", async () => {
    let now = Date.UTC(2026, 10, 26, 9, 0, 0);
    const store = databaseRateLimitStore(db(), () => now);
    await store.take("old", { perMinute: 10 });
    now += 5 * 60_000;
    await store.take("new", { perMinute: 10 });
    await expect.poll(() => db().rateLimitCounter.count({ where: { key: "old" } })).toBe(0);
  });
});
