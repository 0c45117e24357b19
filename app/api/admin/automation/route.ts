import { z } from "zod";
import { DEFAULT_AUTOMATION, loadAutomation, saveAutomation, ZAutomationPatch } from "@/lib/automation/config";
import { listAgentsAndTeams } from "@/lib/conversations/queries";
import { route } from "@/lib/gateway/route";

export const GET = route({ policy: "admin" }, async ({ db }) => ({
  config: await loadAutomation(db),
  defaults: DEFAULT_AUTOMATION,
  ...(await listAgentsAndTeams(db)),
}));

export const PUT = route(
  { policy: "admin", body: z.strictObject({ config: ZAutomationPatch }) },
  async ({ db, caller, body }) => ({ config: await saveAutomation(db, body.config, caller.id) }),
);
