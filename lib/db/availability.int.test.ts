// A database that does not answer: a 503 with Retry-After for clients, never a 500, and bounded waits.
import { describe, expect, it } from "vitest";
import * as health from "@/app/api/health/route";
import * as ready from "@/app/api/ready/route";
import { errorResponse } from "@/lib/gateway/route";
import { call } from "@/tests/helpers/factories";
import { isDatabaseUnavailable } from "./availability";
import { createDb, db } from "./client";
import { databaseAnswers } from "./health";

// Nothing listens on port 1: connections are refused at once.
const unreachable = () => createDb("postgres://postgres@127.0.0.1:1/omnidesk", { connectMs: 1_000, queryMs: 1_000 });

async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (err) {
    return err;
  }
  throw new Error("expected the database call to fail");
}

describe("a database that does not answer", () => {
  it("is answered with 503, Retry-After and the JSON error, whatever the query", async () => {
    const dead = unreachable();
    for (const err of [
      await errorOf(() => dead.user.findFirst()),
      await errorOf(() => dead.$queryRawUnsafe("SELECT 1")),
    ]) {
      expect(isDatabaseUnavailable(err)).toBe(true);
      const res = errorResponse(err, "req-test-1");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(res.headers.get("content-security-policy")).toBeTruthy();
      expect(await res.json()).toMatchObject({ error: { code: "database_unavailable", requestId: "req-test-1" } });
    }
  });

  it("is told from other errors: a constraint violation is not an outage", async () => {
    const err = await errorOf(async () => {
      const user = await db().user.create({ data: { email: "twice@example.com", name: "Twice", role: "agent" } });
      await db().user.create({ data: { email: user.email, name: "Again", role: "agent" } });
    });
    expect(isDatabaseUnavailable(err)).toBe(false);
    expect(isDatabaseUnavailable(new Error("something else"))).toBe(false);
  });

  it("gives up within the bound instead of waiting for the network", async () => {
    expect(await databaseAnswers(unreachable(), 1_500)).toBe(false);
    expect(await databaseAnswers(db())).toBe(true);
  });

  it("health says which; readiness is 200 only while the database answers", async () => {
    expect((await call(health.GET, { path: "/api/health" })).json).toEqual({ ok: true, database: "up" });
    expect((await call(ready.GET, { path: "/api/ready" })).status).toBe(200);
  });
});
