import { getConversationForCustomer } from "@/lib/conversations/queries";
import { ZConversationParams } from "@/lib/gateway/params";
import { route } from "@/lib/gateway/route";

export const GET = route(
  { policy: "customer", summary: "One of my conversations", params: ZConversationParams },
  ({ db, caller, params }) => getConversationForCustomer(db, caller.customerId!, params.id),
);
