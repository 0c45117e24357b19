import { ZIdParams } from "@/lib/gateway/params";
import { route } from "@/lib/gateway/route";
import { deleteTeam, renameTeam, ZTeamInput } from "@/lib/users/team-admin";

const summary = "Rename a team; delete it (its conversations keep their history, without the team)";

export const PATCH = route(
  { policy: "admin", summary, params: ZIdParams, body: ZTeamInput },
  async ({ db, caller, params, body }) => {
    await renameTeam(db, caller, params.id, body);
    return { ok: true };
  },
);

export const DELETE = route({ policy: "admin", summary, params: ZIdParams }, async ({ db, caller, params }) => {
  await deleteTeam(db, caller, params.id);
  return { ok: true };
});
