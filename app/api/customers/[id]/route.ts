import { getCustomerStory } from "@/lib/conversations/customer-story";
import { updateCustomer, ZCustomerPatch } from "@/lib/customers/profile";
import { ZIdParams } from "@/lib/gateway/params";
import { route } from "@/lib/gateway/route";

const summary = "A customer's whole story (identities, conversations, ratings, notes, attributes); edit them";

export const GET = route({ policy: "agent", summary, scope: "customers:read", params: ZIdParams }, ({ db, params }) =>
  getCustomerStory(db, params.id),
);

export const PATCH = route(
  { policy: "agent", summary, scope: "customers:write", params: ZIdParams, body: ZCustomerPatch },
  async ({ db, caller, params, body }) => {
    await updateCustomer(db, params.id, caller.id, body);
    return getCustomerStory(db, params.id);
  },
);
