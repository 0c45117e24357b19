import { route, json } from "@/lib/gateway/route";
import { linkContext } from "@/lib/users/link-context";
import { inviteAgent, listAgents, ZInvite } from "@/lib/users/team-admin";

const summary = "Agents and teams; invite an agent by email (a link to choose their password, valid 7 days)";

export const GET = route({ policy: "admin", summary }, ({ db }) => listAgents(db));

export const POST = route({ policy: "admin", summary, body: ZInvite }, async ({ db, caller, body }) =>
  json(await inviteAgent(db, caller, body, linkContext()), 201),
);
