import { describe, expect, it } from "vitest";
import * as me from "@/app/api/me/route";
import * as sessionsRoute from "@/app/api/sessions/route";
import * as sessionRoute from "@/app/api/sessions/[id]/route";
import { db } from "@/lib/db/client";
import { call, createAgent, sessionCookie } from "@/tests/helpers/factories";
import { startSession } from "./sessions";

describe("sessions", () => {
  it("lists my sessions with the current one marked; signing out everywhere else ends the others' cookies", async () => {
    const agent = await createAgent();
    const laptop = await startSession(db(), agent.id, { userAgent: "Firefox on Linux", ip: "198.51.100.1" });
    const phone = await startSession(db(), agent.id, { userAgent: "Safari on iPhone", ip: "203.0.113.7" });
    const laptopCookie = await sessionCookie(agent.id, laptop);
    const phoneCookie = await sessionCookie(agent.id, phone);
    const list = await call(sessionsRoute.GET, { cookie: laptopCookie });
    expect(list.json.sessions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: laptop, current: true, userAgent: "Firefox on Linux" }),
        expect.objectContaining({ id: phone, current: false, ip: "203.0.113.7" }),
      ]),
    );
    expect((await call(me.GET, { cookie: phoneCookie })).json).toMatchObject({ user: { id: agent.id } });
    const out = await call(sessionsRoute.DELETE, { method: "DELETE", cookie: laptopCookie });
    expect(out.json).toEqual({ ended: 1 });
    expect((await call(me.GET, { cookie: phoneCookie })).json).toMatchObject({ user: null });
    expect((await call(sessionsRoute.GET, { cookie: phoneCookie })).status).toBe(401);
    expect((await call(sessionsRoute.GET, { cookie: laptopCookie })).json.sessions).toHaveLength(1);
  });

  it("ends one session; nobody ends another user's session", async () => {
    const agent = await createAgent();
    const other = await createAgent();
    const mine = await startSession(db(), agent.id, {});
    const theirs = await startSession(db(), other.id, {});
    const cookie = await sessionCookie(agent.id, mine);
    expect((await call(sessionRoute.DELETE, { method: "DELETE", cookie, params: { id: theirs } })).status).toBe(404);
    expect((await call(me.GET, { cookie: await sessionCookie(other.id, theirs) })).json).toMatchObject({
      user: { id: other.id },
    });
    expect((await call(sessionRoute.DELETE, { method: "DELETE", cookie, params: { id: mine } })).status).toBe(200);
    expect((await call(me.GET, { cookie })).json).toMatchObject({ user: null });
    expect(await db().auditEvent.count({ where: { action: "auth.session_ended" } })).toBe(1);
  });
});
