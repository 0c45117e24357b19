import { z } from "zod";
import { DEFAULT_AUTOMATION, loadAutomation, saveAutomation, ZAutomationPatch } from "@/lib/automation/config";
import { listAgentsAndTeams } from "@/lib/conversations/queries";
import { route } from "@/lib/gateway/route";

export const GET = route(
  {
    policy: "admin",
    summary: "Routing rules, SLA policies, auto-assignment, auto-acknowledgement: read; replace some",
  },
  async ({ db }) => ({
    config: await loadAutomation(db),
    defaults: DEFAULT_AUTOMATION,
    ...(await listAgentsAndTeams(db)),
  }),
);

export const PUT = route(
  {
    policy: "admin",
    summary: "Routing rules, SLA policies, auto-assignment, auto-acknowledgement: read; replace some",
    body: z.strictObject({ config: ZAutomationPatch }),
  },
  async ({ db, caller, body }) => ({ config: await saveAutomation(db, body.config, caller.id) }),
);
