import { z } from "zod";
import { route } from "@/lib/gateway/route";
import { deleteWebhook } from "@/lib/webhooks/webhooks";

export const DELETE = route(
  {
    policy: "admin",
    summary: "Remove a webhook subscription",
    params: z.strictObject({ id: z.string().min(1).max(64) }),
  },
  async ({ db, caller, params }) => {
    await deleteWebhook(db, params.id, caller.id);
    return { ok: true };
  },
);
