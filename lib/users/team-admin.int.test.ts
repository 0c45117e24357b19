import { describe, expect, it } from "vitest";
import * as agents from "@/app/api/admin/agents/route";
import * as agent from "@/app/api/admin/agents/[id]/route";
import * as invite from "@/app/api/admin/agents/[id]/invite/route";
import * as teams from "@/app/api/admin/teams/route";
import * as team from "@/app/api/admin/teams/[id]/route";
import * as confirmRoute from "@/app/api/account/password-reset/confirm/route";
import { ingest } from "@/lib/conversations/ingest";
import { listAgentsAndTeams } from "@/lib/conversations/queries";
import { updateConversation } from "@/lib/conversations/update-conversation";
import { db } from "@/lib/db/client";
import { drainJobs } from "@/lib/jobs/job-runner";
import { sessionAccount } from "@/lib/sessions/sessions";
import { type SystemMail, systemMailHandlers } from "@/lib/system-mail/system-mail";
import { authenticateToken, createToken } from "@/lib/tokens/api-tokens";
import { call, createAgent, createCustomerUser, sessionCookie } from "@/tests/helpers/factories";
import { findAccount, verifyPassword } from "./accounts";
import { resetPassword } from "./email-links";

async function sentMail(): Promise<SystemMail[]> {
  const sent: SystemMail[] = [];
  await drainJobs(db(), systemMailHandlers({ send: async (m) => void sent.push(m) }, process.env.NEXTAUTH_SECRET!));
  return sent;
}
const tokenIn = (mail: SystemMail | undefined) => /token=([\w-]+)/.exec(mail?.text ?? "")?.[1] ?? "";

describe("team administration", () => {
  it("invites an agent by email into a team; the link sets their password once, and they can sign in", async () => {
    const admin = await createAgent({ role: "admin", name: "Ada Admin" });
    const cookie = await sessionCookie(admin.id);
    const billing = (await call(teams.POST, { method: "POST", cookie, body: { name: "Billing" } })).json.id;
    const r = await call(agents.POST, {
      method: "POST",
      cookie,
      body: { email: "New.Agent@Example.com", name: "Nia New", teamIds: [billing] },
    });
    expect(r.status).toBe(201);
    const [mail] = await sentMail();
    expect(mail).toMatchObject({
      to: "new.agent@example.com",
      subject: expect.stringContaining("Ada Admin invited you"),
    });
    expect(mail!.text).toContain("/reset-password?token=");

    const listed = (await call(agents.GET, { cookie })).json.agents.find((a: { id: string }) => a.id === r.json.id);
    expect(listed).toMatchObject({ status: "invited", role: "agent", teams: [{ id: billing, name: "Billing" }] });

    const set = await call(confirmRoute.POST, {
      method: "POST",
      body: { token: tokenIn(mail), password: "a good long password" },
    });
    expect(set.status).toBe(200);
    expect(await verifyPassword(db(), "new.agent@example.com", "a good long password")).toMatchObject({
      role: "agent",
    });
    const reused = await call(confirmRoute.POST, {
      method: "POST",
      body: { token: tokenIn(mail), password: "another password 1" },
    });
    expect(reused.status).toBe(400);
    expect(
      (await call(agents.GET, { cookie })).json.agents.find((a: { id: string }) => a.id === r.json.id).status,
    ).toBe("active");
    expect((await call(invite.POST, { method: "POST", cookie, params: { id: r.json.id } })).json.error.code).toBe(
      "not_invited",
    );
  });

  it("refuses an address already on the team or a customer's, and an invitation older than a week", async () => {
    const admin = await createAgent({ role: "admin" });
    const cookie = await sessionCookie(admin.id);
    const { user: customer } = await createCustomerUser();
    const asCustomer = await call(agents.POST, { method: "POST", cookie, body: { email: customer.email, name: "X" } });
    expect(asCustomer.status).toBe(409);
    expect(asCustomer.json.error.message).toContain("customer's portal account");
    const again = await call(agents.POST, { method: "POST", cookie, body: { email: admin.email, name: "X" } });
    expect(again.json.error.message).toContain("already on the team");

    await call(agents.POST, { method: "POST", cookie, body: { email: "late@example.com", name: "Lee Late" } });
    const [mail] = await sentMail();
    const eightDays = new Date(Date.now() + 8 * 86_400_000);
    await expect(resetPassword(db(), tokenIn(mail), "a good long password", eightDays)).rejects.toThrow(/expired/);
    // Resent, it works again.
    const lee = await db().user.findUniqueOrThrow({ where: { email: "late@example.com" } });
    expect((await call(invite.POST, { method: "POST", cookie, params: { id: lee.id } })).status).toBe(200);
    const [again2] = await sentMail();
    await expect(resetPassword(db(), tokenIn(again2), "a good long password")).resolves.toMatchObject({ id: lee.id });
  });

  it("deactivates an agent: sessions end, tokens stop, open conversations go back to the queue, sign-in fails; history stays", async () => {
    const admin = await createAgent({ role: "admin" });
    const sam = await createAgent({ name: "Sam Support", password: "sams password 123" });
    const cookie = await sessionCookie(admin.id);
    const session = await db().userSession.create({ data: { userId: sam.id } });
    const token = (
      await createToken(db(), (await findAccount(db(), sam.id))!, { name: "app", scopes: ["conversations:read"] })
    ).token;
    const c = await ingest(db(), {
      channel: "sms",
      providerId: "SMdeact",
      from: { identity: { kind: "phone", value: "+14155550161" } },
      body: "hi",
    });
    await db().conversation.update({ where: { id: c.conversationId }, data: { assigneeId: sam.id } });

    const r = await call(agent.PATCH, { method: "PATCH", cookie, params: { id: sam.id }, body: { active: false } });
    expect(r.status).toBe(200);
    expect(await sessionAccount(db(), session.id, sam.id)).toBeNull();
    await expect(authenticateToken(db(), token)).rejects.toThrow();
    expect(await verifyPassword(db(), sam.email, "sams password 123")).toBeNull();
    expect(await findAccount(db(), sam.id)).toBeNull();
    const conversation = await db().conversation.findUniqueOrThrow({
      where: { id: c.conversationId },
      include: { events: true },
    });
    expect(conversation.assigneeId).toBeNull();
    expect(
      conversation.events.some((e) => e.action === "conversation.assigned" && e.data.includes("deactivated")),
    ).toBe(true);
    expect(await db().user.count({ where: { id: sam.id } })).toBe(1);
    // Nobody can hand them new work.
    expect((await listAgentsAndTeams(db())).agents.map((a) => a.id)).not.toContain(sam.id);
    await expect(updateConversation(db(), c.conversationId, admin.id, { assigneeId: sam.id })).rejects.toThrow(
      "This agent was deactivated",
    );

    expect(
      (await call(agent.PATCH, { method: "PATCH", cookie, params: { id: sam.id }, body: { active: true } })).status,
    ).toBe(200);
    expect(await verifyPassword(db(), sam.email, "sams password 123")).toMatchObject({ id: sam.id });
    const actions = (await db().auditEvent.findMany({ where: { action: { startsWith: "agent." } } })).map(
      (e) => e.action,
    );
    expect(actions.sort()).toEqual(["agent.deactivated", "agent.reactivated"]);
  });

  it("keeps at least one admin, and manages teams", async () => {
    const admin = await createAgent({ role: "admin" });
    const cookie = await sessionCookie(admin.id);
    const alone = await call(agent.PATCH, {
      method: "PATCH",
      cookie,
      params: { id: admin.id },
      body: { role: "agent" },
    });
    expect(alone.status).toBe(409);
    expect(alone.json.error.message).toBe("This is the last admin: make someone else an admin first");
    expect(
      (await call(agent.PATCH, { method: "PATCH", cookie, params: { id: admin.id }, body: { active: false } })).status,
    ).toBe(409);

    const t = (await call(teams.POST, { method: "POST", cookie, body: { name: "Returns" } })).json.id;
    expect((await call(teams.POST, { method: "POST", cookie, body: { name: "Returns" } })).status).toBe(409);
    expect(
      (await call(team.PATCH, { method: "PATCH", cookie, params: { id: t }, body: { name: "Refunds" } })).status,
    ).toBe(200);
    const c = await ingest(db(), {
      channel: "sms",
      providerId: "SMteam",
      from: { identity: { kind: "phone", value: "+14155550162" } },
      body: "hi",
    });
    await db().conversation.update({ where: { id: c.conversationId }, data: { teamId: t } });
    expect((await call(team.DELETE, { method: "DELETE", cookie, params: { id: t } })).status).toBe(200);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: c.conversationId } })).teamId).toBeNull();
  });
});
