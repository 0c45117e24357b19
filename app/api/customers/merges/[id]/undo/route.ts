import { route } from "@/lib/gateway/route";
import { ZIdParams } from "@/lib/gateway/params";
import { undoCustomerMerge } from "@/lib/customers/merge";

export const POST = route(
  { policy: "agent", summary: "Undo a customer merge", scope: "customers:write", params: ZIdParams },
  async ({ db, caller, params }) => {
    await undoCustomerMerge(db, params.id, caller.id);
    return { ok: true };
  },
);
