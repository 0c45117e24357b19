import { z } from "zod";
import { route } from "@/lib/gateway/route";
import { mergeCustomers, ZCustomerMerge } from "@/lib/customers/merge";

const params = z.strictObject({ id: z.string().min(1).max(64) });

/** Merges this customer into another one (undoable for 7 days). */
export const POST = route(
  {
    policy: "agent",
    summary: "Merge this customer into another (identities, conversations, account move; undoable for 7 days)",
    params,
    body: ZCustomerMerge,
  },
  ({ db, caller, params, body }) => mergeCustomers(db, params.id, body.intoCustomerId, caller.id),
);
