import { json, route } from "@/lib/gateway/route";
import { registerCustomer, ZCustomerSignup } from "@/lib/users/accounts";

export const POST = route(
  { policy: "public", summary: "Create a customer account", rateLimit: "auth", body: ZCustomerSignup },
  async ({ db, body }) => {
    const account = await registerCustomer(db, body);
    return json({ id: account.id, email: account.email, name: account.name }, 201);
  },
);
