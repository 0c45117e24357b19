import { ZIdParams } from "@/lib/gateway/params";
import { route } from "@/lib/gateway/route";
import { mergeCustomers, ZCustomerMerge } from "@/lib/customers/merge";

/** Merges this customer into another one (undoable for 7 days). */
export const POST = route(
  {
    policy: "agent",
    scope: "customers:write",
    summary: "Merge this customer into another (identities, conversations, account move; undoable for 7 days)",
    params: ZIdParams,
    body: ZCustomerMerge,
  },
  ({ db, caller, params, body }) => mergeCustomers(db, params.id, body.intoCustomerId, caller.id),
);
