import { addIdentity, ZNewIdentity } from "@/lib/customers/profile";
import { ZIdParams } from "@/lib/gateway/params";
import { json, route } from "@/lib/gateway/route";

export const POST = route(
  {
    policy: "agent",
    summary: "Add an email address, phone number or SSO subject to a customer",
    scope: "customers:write",
    params: ZIdParams,
    body: ZNewIdentity,
  },
  async ({ db, caller, params, body }) => json(await addIdentity(db, params.id, caller.id, body), 201),
);
