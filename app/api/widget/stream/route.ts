import { z } from "zod";
import { route } from "@/lib/gateway/route";
import { visitorCustomerId } from "@/lib/channels/chat/visitor-chat";
import { touchVisitor } from "@/lib/channels/chat/visitor-presence";
import { visitorIdentity } from "@/lib/channels/chat/visitor-token";
import { appStreamHub } from "@/lib/realtime/app-hub";
import { resumeId, sseResponse } from "@/lib/realtime/sse";

// The visitor's own conversation events; before their first message there are none to see.
export const GET = route(
  {
    policy: "visitor",
    summary: "Chat widget: live events of my conversation (SSE)",
    query: z.strictObject({ after: z.coerce.number().int().min(0).optional() }),
  },
  async ({ db, req, caller, query }) =>
    sseResponse(
      appStreamHub(),
      { customerId: (await visitorCustomerId(db, caller)) ?? "no-customer-yet" },
      resumeId(req.headers.get("last-event-id"), query.after),
      req.signal,
      // While the widget is open, replies are shown there; once it is closed they go by email.
      () => touchVisitor(db, visitorIdentity(caller)),
    ),
);
