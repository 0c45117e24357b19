import { describe, expect, it } from "vitest";
import * as audit from "@/app/api/admin/audit/route";
import { db } from "@/lib/db/client";
import { call, createAgent, sessionCookie } from "@/tests/helpers/factories";
import { recordEvents } from "./record-event";

describe("GET /api/admin/audit", () => {
  it("lists events newest first, filters by family, action and details, and pages without gaps", async () => {
    const admin = await createAgent({ role: "admin" });
    const cookie = await sessionCookie(admin.id);
    await db().auditEvent.deleteMany();
    const base = Date.UTC(2026, 10, 26, 8);
    await recordEvents(
      db(),
      Array.from({ length: 7 }, (_, i) => ({
        action: i % 2 ? "auth.sign_in_failed" : "token.created",
        actorUserId: i % 2 ? null : admin.id,
        data: { email: `user${i}@example.com` },
      })),
    );
    // distinct times, oldest first
    const rows = await db().auditEvent.findMany({ orderBy: { id: "asc" } });
    for (const [i, r] of rows.entries()) {
      await db().auditEvent.update({ where: { id: r.id }, data: { createdAt: new Date(base + i * 1000) } });
    }
    const all = await call(audit.GET, { cookie, path: "/api/admin/audit?limit=3" });
    expect(all.json.items).toHaveLength(3);
    const pages = [all.json];
    while (pages.at(-1).nextCursor) {
      pages.push(
        (await call(audit.GET, { cookie, path: `/api/admin/audit?limit=3&cursor=${pages.at(-1).nextCursor}` })).json,
      );
    }
    const emails = pages.flatMap((p) => p.items.map((e: { data: { email: string } }) => e.data.email));
    expect(emails).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `user${i}@example.com`));

    const failed = await call(audit.GET, { cookie, path: "/api/admin/audit?action=auth.*" });
    expect(failed.json.items.map((e: { action: string }) => e.action)).toEqual(Array(3).fill("auth.sign_in_failed"));
    const one = await call(audit.GET, { cookie, path: "/api/admin/audit?q=user4%40example.com" });
    expect(one.json.items).toEqual([
      expect.objectContaining({ action: "token.created", actor: expect.objectContaining({ id: admin.id }) }),
    ]);
    const since = await call(audit.GET, {
      cookie,
      path: `/api/admin/audit?since=${new Date(base + 5000).toISOString()}`,
    });
    expect(since.json.items).toHaveLength(2);
  });

  it("is for admins only, and refuses bad filters", async () => {
    const agent = await createAgent();
    expect((await call(audit.GET, { cookie: await sessionCookie(agent.id) })).status).toBe(403);
    const cookie = await sessionCookie((await createAgent({ role: "admin" })).id);
    expect((await call(audit.GET, { cookie, path: "/api/admin/audit?action=DROP%20TABLE" })).status).toBe(400);
    expect((await call(audit.GET, { cookie, path: "/api/admin/audit?cursor=nope" })).status).toBe(400);
  });
});
