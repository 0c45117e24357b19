import { listInbox, ZInboxQuery } from "@/lib/conversations/queries";
import { startConversation, ZStartConversation } from "@/lib/conversations/start";
import { json, route } from "@/lib/gateway/route";
import { wakeWorker } from "@/lib/runtime/worker-loop";

const summary = "The inbox (newest activity first, or best match for q); start a conversation by email or SMS";

export const GET = route({ policy: "agent", summary, query: ZInboxQuery }, ({ db, caller, query }) =>
  listInbox(db, caller, query),
);

export const POST = route({ policy: "agent", summary, body: ZStartConversation }, async ({ db, caller, body }) => {
  const started = await startConversation(db, caller.id, body);
  wakeWorker();
  return json(started, 201);
});
