import { z } from "zod";
import { retryFailedInbound } from "@/lib/channels/failed-inbound";
import { route } from "@/lib/gateway/route";
import { wakeWorker } from "@/lib/runtime/worker-loop";

export const POST = route(
  {
    policy: "agent",
    summary: "Send a failed inbound message through ingest again",
    params: z.strictObject({ id: z.string().min(1).max(64) }),
  },
  async ({ db, caller, params }) => {
    await retryFailedInbound(db, params.id, caller.id);
    wakeWorker();
    return { retried: true };
  },
);
