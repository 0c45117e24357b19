import { z } from "zod";
import { ingest } from "@/lib/conversations/ingest";
import { listCustomerConversations, searchOwnConversations } from "@/lib/conversations/queries";
import { json, route } from "@/lib/gateway/route";
import { wakeWorker } from "@/lib/runtime/worker-loop";

export const GET = route(
  {
    policy: "customer",
    summary: "My conversations; start one",
    query: z.strictObject({ q: z.string().trim().min(1).max(200).optional() }),
  },
  async ({ db, caller, query }) =>
    query.q
      ? searchOwnConversations(db, caller.customerId!, query.q)
      : { items: await listCustomerConversations(db, caller.customerId!) },
);

const ZNewConversation = z.strictObject({
  subject: z.string().trim().min(1, "Add a subject").max(200),
  body: z.string().trim().min(1, "Describe what you need").max(50_000),
});

export const POST = route(
  { policy: "customer", summary: "My conversations; start one", body: ZNewConversation },
  async ({ db, caller, body }) => {
    const r = await ingest(db, {
      channel: "portal",
      from: { customerId: caller.customerId! },
      newConversation: true,
      ...body,
    });
    wakeWorker();
    return json({ id: r.conversationId }, 201);
  },
);
