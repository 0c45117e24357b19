import { json, route } from "@/lib/gateway/route";
import { createTeam, ZTeamInput } from "@/lib/users/team-admin";

export const POST = route(
  { policy: "admin", summary: "Create a team", body: ZTeamInput },
  async ({ db, caller, body }) => json(await createTeam(db, caller, body), 201),
);
