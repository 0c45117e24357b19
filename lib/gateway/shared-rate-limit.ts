// Rate-limit budgets shared by every app instance: the two-window counts live
// in a table (PostgreSQL in production), updated with one upsert per request,
// so a caller spread over instances behind a load balancer gets one budget,
// not one per instance. RATE_LIMIT_STORE picks the store.
import { db as defaultDb, type Db } from "../db/client";
import { env } from "../env";
import { log } from "../log";
import { memoryRateLimitStore, overBudget, type RateLimitStore, WINDOW_MS } from "./rate-limit";

const SWEEP_EVERY_MS = WINDOW_MS;

export function databaseRateLimitStore(db: Db, now: () => number = Date.now): RateLimitStore {
  let lastSweep = 0;
  return {
    async take(key, budget) {
      const t = now();
      const window = Math.floor(t / WINDOW_MS);
      try {
        // Counted first, in one statement that also reads the previous window (SQLite and PostgreSQL alike).
        const [row] = await db.$queryRaw<{ count: number | bigint; previous: number | bigint | null }[]>`
          INSERT INTO "RateLimitCounter" ("key", "window", "count") VALUES (${key}, ${window}, 1)
          ON CONFLICT ("key", "window") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
          RETURNING "count", (SELECT p."count" FROM "RateLimitCounter" p WHERE p."key" = ${key} AND p."window" = ${window - 1}) AS "previous"`;
        const wait = overBudget(t, Number(row?.previous ?? 0), Number(row?.count ?? 1) - 1, budget);
        // A refused request does not count, as in memory: a caller who waits as told gets through.
        if (wait !== null) {
          await db.$executeRaw`UPDATE "RateLimitCounter" SET "count" = "count" - 1 WHERE "key" = ${key} AND "window" = ${window}`;
        }
        if (t - lastSweep > SWEEP_EVERY_MS) {
          lastSweep = t;
          void db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "window" < ${window - 1}`.catch((err) =>
            log.warn("rate-limit sweep failed", { err }),
          );
        }
        return wait;
      } catch (err) {
        // Budgets protect the service; an unreachable counter table must not take it down with it.
        log.warn("rate-limit store unavailable; request let through", { err });
        return null;
      }
    },
  };
}

const shared = globalThis as unknown as { __omnideskRateLimitStore?: RateLimitStore };

/** The configured store (on globalThis: route bundles share one). */
export function rateLimitStore(): RateLimitStore {
  return (shared.__omnideskRateLimitStore ??=
    env().RATE_LIMIT_STORE === "database" ? databaseRateLimitStore(defaultDb()) : memoryRateLimitStore());
}

/** Tests start every case with fresh budgets. */
export function resetRateLimits(): void {
  shared.__omnideskRateLimitStore = undefined;
}
