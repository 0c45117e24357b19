import { ZIdParams } from "@/lib/gateway/params";
import { route } from "@/lib/gateway/route";
import { updateAgent, ZAgentPatch } from "@/lib/users/team-admin";

export const PATCH = route(
  {
    policy: "admin",
    summary: "Rename an agent, change their role or teams, deactivate or reactivate them",
    params: ZIdParams,
    body: ZAgentPatch,
  },
  async ({ db, caller, params, body }) => {
    await updateAgent(db, caller, params.id, body);
    return { ok: true };
  },
);
