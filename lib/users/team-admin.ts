// Adding and running a team without SSO: an admin invites agents by email,
// sets their role and teams, deactivates them; creates and renames teams.
// Every change is audited.
import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import type { Db, Tx } from "../db/client";
import { isUniqueViolation } from "../db/client";
import { badRequest, conflict, notFound } from "../errors";
import { sendInvite, type LinkContext } from "./email-links";

const ZStaffRole = z.enum(["agent", "admin"]);
const ZTeamIds = z.array(z.string().min(1).max(64)).max(50);

export const ZInvite = z.strictObject({
  email: z.email("Enter a valid email address").max(320),
  name: z.string().trim().min(1, "Give their name").max(200),
  role: ZStaffRole.default("agent"),
  teamIds: ZTeamIds.default([]),
});

export const ZAgentPatch = z
  .strictObject({
    name: z.string().trim().min(1, "Give their name").max(200),
    role: ZStaffRole,
    teamIds: ZTeamIds,
    /** false deactivates: sessions end, tokens are revoked, open conversations go back to their team's queue */
    active: z.boolean(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, "Nothing to change");

export const ZTeamInput = z.strictObject({ name: z.string().trim().min(1, "Name the team").max(80) });

type Actor = { id: string; name: string };

export async function listAgents(db: Db) {
  const rows = await db.user.findMany({
    where: { role: { in: ["agent", "admin"] } },
    orderBy: [{ deactivatedAt: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      deactivatedAt: true,
      passwordHash: true,
      oidcSubject: true,
      teams: { select: { team: { select: { id: true, name: true } } } },
    },
  });
  const teams = await db.team.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, _count: { select: { members: true } } },
  });
  return {
    agents: rows.map(({ passwordHash, oidcSubject, teams: memberships, ...u }) => ({
      ...u,
      teams: memberships.map((m) => m.team),
      /** invited: has not chosen a password (nor signed in through SSO) yet */
      status: u.deactivatedAt ? "deactivated" : !passwordHash && !oidcSubject ? "invited" : "active",
    })),
    teams: teams.map(({ _count, ...t }) => ({ ...t, members: _count.members })),
  };
}

async function checkTeams(tx: Tx, teamIds: string[]) {
  const found = await tx.team.count({ where: { id: { in: teamIds } } });
  if (found !== new Set(teamIds).size) throw badRequest("invalid_team", "One of those teams no longer exists");
}

async function setTeams(tx: Tx, userId: string, teamIds: string[]) {
  await checkTeams(tx, teamIds);
  await tx.teamMember.deleteMany({ where: { userId, teamId: { notIn: teamIds } } });
  for (const teamId of new Set(teamIds))
    await tx.teamMember.upsert({
      where: { userId_teamId: { userId, teamId } },
      create: { userId, teamId },
      update: {},
    });
}

/** A new agent (or admin) and the mail with their link to choose a password. */
export async function inviteAgent(db: Db, actor: Actor, input: z.input<typeof ZInvite>, ctx: LinkContext) {
  const i = ZInvite.parse(input);
  const email = i.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { role: true } });
  if (existing)
    throw conflict(
      "email_taken",
      existing.role === "customer"
        ? `${email} is a customer's portal account; invite another address`
        : `${email} is already on the team`,
    );
  let id: string;
  try {
    id = await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, name: i.name, role: i.role }, select: { id: true } });
      await setTeams(tx, user.id, i.teamIds);
      await recordEvent(tx, {
        action: "agent.invited",
        actorUserId: actor.id,
        data: { userId: user.id, email, role: i.role },
      });
      return user.id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict("email_taken", `${email} is already on the team`);
    throw err;
  }
  await sendInvite(db, email, actor.name, ctx);
  return { id };
}

/** Sends the invitation again, to someone who has not chosen a password yet. */
export async function resendInvite(db: Db, actor: Actor, userId: string, ctx: LinkContext) {
  const u = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, role: true, passwordHash: true, oidcSubject: true, deactivatedAt: true },
  });
  if (!u || u.role === "customer") throw notFound("Agent");
  if (u.passwordHash || u.oidcSubject || u.deactivatedAt)
    throw conflict("not_invited", "This agent has already joined (or was deactivated): no invitation to resend");
  if (!(await sendInvite(db, u.email, actor.name, ctx)))
    throw conflict("throttled", "Three invitations went out in the last 15 minutes; try again later");
  await recordEvent(db, { action: "agent.invite_resent", actorUserId: actor.id, data: { userId } });
}

/** The admins who can still sign in, besides the one named. */
const otherActiveAdmins = (tx: Tx, userId: string) =>
  tx.user.count({ where: { role: "admin", deactivatedAt: null, id: { not: userId } } });

export async function updateAgent(db: Db, actor: Actor, userId: string, input: z.input<typeof ZAgentPatch>) {
  const p = ZAgentPatch.parse(input);
  const now = new Date();
  await db.$transaction(async (tx) => {
    const u = await tx.user.findUnique({
      where: { id: userId },
      select: { role: true, name: true, deactivatedAt: true },
    });
    if (!u || u.role === "customer") throw notFound("Agent");
    const losesAdmin = u.role === "admin" && (p.role === "agent" || p.active === false);
    if (losesAdmin && !(await otherActiveAdmins(tx, userId)))
      throw conflict("last_admin", "This is the last admin: make someone else an admin first");
    if (p.name !== undefined || p.role !== undefined)
      await tx.user.update({ where: { id: userId }, data: { name: p.name, role: p.role } });
    if (p.teamIds) await setTeams(tx, userId, p.teamIds);
    if (p.active === false && !u.deactivatedAt) await deactivate(tx, actor, userId, now);
    if (p.active === true && u.deactivatedAt)
      await tx.user.update({ where: { id: userId }, data: { deactivatedAt: null } });
    await recordEvent(tx, {
      action: p.active === false ? "agent.deactivated" : p.active === true ? "agent.reactivated" : "agent.updated",
      actorUserId: actor.id,
      data: { userId, fields: Object.keys(p) },
    });
  });
}

/** Signs them out everywhere, revokes their tokens, and gives their open conversations back to the team queue. */
async function deactivate(tx: Tx, actor: Actor, userId: string, now: Date) {
  await tx.user.update({ where: { id: userId }, data: { deactivatedAt: now } });
  await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  const open = await tx.conversation.findMany({
    where: { assigneeId: userId, status: { in: ["new", "open", "pending"] } },
    select: { id: true },
  });
  await tx.conversation.updateMany({ where: { id: { in: open.map((c) => c.id) } }, data: { assigneeId: null } });
  for (const c of open)
    await recordEvent(tx, {
      action: "conversation.assigned",
      actorUserId: actor.id,
      conversationId: c.id,
      data: { from: userId, to: null, reason: "deactivated" },
    });
}

export async function createTeam(db: Db, actor: Actor, input: z.input<typeof ZTeamInput>) {
  const t = ZTeamInput.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      const team = await tx.team.create({ data: { name: t.name }, select: { id: true } });
      await recordEvent(tx, { action: "team.created", actorUserId: actor.id, data: { teamId: team.id, name: t.name } });
      return team;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict("team_exists", `There is a team called ${t.name} already`);
    throw err;
  }
}

export async function renameTeam(db: Db, actor: Actor, id: string, input: z.input<typeof ZTeamInput>) {
  const t = ZTeamInput.parse(input);
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.team.findUnique({ where: { id }, select: { name: true } });
      if (!before) throw notFound("Team");
      await tx.team.update({ where: { id }, data: { name: t.name } });
      await recordEvent(tx, {
        action: "team.renamed",
        actorUserId: actor.id,
        data: { teamId: id, from: before.name, to: t.name },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict("team_exists", `There is a team called ${t.name} already`);
    throw err;
  }
}

/** Conversations of a removed team keep their history and lose only the team. */
export async function deleteTeam(db: Db, actor: Actor, id: string) {
  await db.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id }, select: { name: true } });
    if (!team) throw notFound("Team");
    await tx.conversation.updateMany({ where: { teamId: id }, data: { teamId: null } });
    await tx.team.delete({ where: { id } });
    await recordEvent(tx, { action: "team.deleted", actorUserId: actor.id, data: { teamId: id, name: team.name } });
  });
}
