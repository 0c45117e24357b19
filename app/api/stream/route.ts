import { z } from "zod";
import { route } from "@/lib/gateway/route";
import { appStreamHub } from "@/lib/realtime/app-hub";
import { keepPresence } from "@/lib/realtime/presence";
import { resumeId, sseResponse } from "@/lib/realtime/sse";

export const GET = route(
  {
    policy: "signed-in",
    summary: "Live updates as Server-Sent Events (resume with Last-Event-ID); customers get only their own",
    scope: "conversations:read",
    query: z.strictObject({ after: z.coerce.number().int().min(0).optional() }),
  },
  async ({ db, req, caller, query }) => {
    const staff = caller.role !== "customer";
    return sseResponse(
      appStreamHub(),
      staff ? {} : { customerId: caller.customerId ?? "none" },
      resumeId(req.headers.get("last-event-id"), query.after),
      req.signal,
      // An agent with a dashboard open is online (unless they set themselves away).
      staff ? () => keepPresence(db, caller.id) : undefined,
    );
  },
);
