import { listAgentsAndTeams } from "@/lib/conversations/queries";
import { route } from "@/lib/gateway/route";

export const GET = route({ policy: "agent" }, ({ db }) => listAgentsAndTeams(db));
