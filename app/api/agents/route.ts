import { listAgentsAndTeams } from "@/lib/conversations/queries";
import { route } from "@/lib/gateway/route";
import { onlineAgentIds } from "@/lib/realtime/presence";

export const GET = route({ policy: "agent", summary: "Agents and teams" }, async ({ db }) => {
  const [list, online] = await Promise.all([listAgentsAndTeams(db), onlineAgentIds(db)]);
  return { ...list, agents: list.agents.map((a) => ({ ...a, online: online.has(a.id) })) };
});
