import { z } from "zod";
import { changeIdentity, removeIdentity } from "@/lib/customers/profile";
import { route } from "@/lib/gateway/route";

const params = z.strictObject({ id: z.string().min(1).max(64), identityId: z.string().min(1).max(64) });
const summary = "Correct a customer's email address or phone number; remove one";

export const PATCH = route(
  {
    policy: "agent",
    summary,
    scope: "customers:write",
    params,
    body: z.strictObject({ value: z.string().trim().min(1, "Enter an address or number").max(320) }),
  },
  async ({ db, caller, params, body }) => {
    await changeIdentity(db, params.id, params.identityId, caller.id, body);
    return { ok: true };
  },
);

export const DELETE = route(
  { policy: "agent", summary, scope: "customers:write", params },
  async ({ db, caller, params }) => {
    await removeIdentity(db, params.id, params.identityId, caller.id);
    return { ok: true };
  },
);
