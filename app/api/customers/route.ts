import { createCustomer, ZNewCustomer } from "@/lib/customers/profile";
import { searchCustomers, ZCustomerSearch } from "@/lib/customers/search";
import { json, route } from "@/lib/gateway/route";

const summary = "Find customers by name, address or number; add a customer";

export const GET = route(
  { policy: "agent", summary, scope: "customers:read", query: ZCustomerSearch },
  ({ db, query }) => searchCustomers(db, query.q),
);

export const POST = route(
  { policy: "agent", summary, scope: "customers:write", body: ZNewCustomer },
  async ({ db, caller, body }) => json(await createCustomer(db, caller.id, body), 201),
);
