import { z } from "zod";
import { route } from "@/lib/gateway/route";
import { wakeWorker } from "@/lib/runtime/worker-loop";
import { replayDelivery } from "@/lib/webhooks/webhooks";

export const POST = route(
  { policy: "admin", summary: "Send a delivery again", params: z.strictObject({ id: z.string().min(1).max(64) }) },
  async ({ db, caller, params }) => {
    await replayDelivery(db, params.id, caller.id);
    wakeWorker();
    return { ok: true };
  },
);
