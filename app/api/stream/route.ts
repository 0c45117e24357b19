import { z } from "zod";
import { route } from "@/lib/gateway/route";
import { appStreamHub } from "@/lib/realtime/app-hub";
import { resumeId, sseResponse } from "@/lib/realtime/sse";

export const GET = route(
  {
    policy: "signed-in",
    scope: "conversations:read",
    query: z.strictObject({ after: z.coerce.number().int().min(0).optional() }),
  },
  async ({ req, caller, query }) =>
    sseResponse(
      appStreamHub(),
      caller.role === "customer" ? { customerId: caller.customerId ?? "none" } : {},
      resumeId(req.headers.get("last-event-id"), query.after),
      req.signal,
    ),
);
