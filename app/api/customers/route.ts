import { route } from "@/lib/gateway/route";
import { searchCustomers, ZCustomerSearch } from "@/lib/customers/search";

export const GET = route(
  {
    policy: "agent",
    summary: "Find customers by name, address or number",
    scope: "customers:read",
    query: ZCustomerSearch,
  },
  ({ db, query }) => searchCustomers(db, query.q),
);
