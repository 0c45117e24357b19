import { z } from "zod";
import { route } from "@/lib/gateway/route";
import { undoCustomerMerge } from "@/lib/customers/merge";

const params = z.strictObject({ id: z.string().min(1).max(64) });

export const POST = route(
  { policy: "agent", summary: "Undo a customer merge", params },
  async ({ db, caller, params }) => {
    await undoCustomerMerge(db, params.id, caller.id);
    return { ok: true };
  },
);
