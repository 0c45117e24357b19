import { z } from "zod";
import { DEFAULT_IVR, ZIvrConfig } from "@/lib/shared/ivr-config";
import { loadIvrConfig, saveIvrConfig } from "@/lib/channels/voice/ivr-settings";
import { route } from "@/lib/gateway/route";

export const GET = route({ policy: "admin", summary: "The phone menu (IVR): read and replace" }, async ({ db }) => ({
  config: await loadIvrConfig(db),
  defaults: DEFAULT_IVR,
}));

export const PUT = route(
  { policy: "admin", summary: "The phone menu (IVR): read and replace", body: z.strictObject({ config: ZIvrConfig }) },
  async ({ db, caller, body }) => ({ config: await saveIvrConfig(db, body.config, caller.id) }),
);
