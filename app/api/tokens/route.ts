import { createToken, listTokens, ZCreateToken } from "@/lib/tokens/api-tokens";
import { json, route } from "@/lib/gateway/route";

// Tokens are managed from a signed-in session only: a leaked token cannot mint more.
export const GET = route(
  { policy: "signed-in", summary: "My API tokens; create one (its secret is shown once)", scope: "session" },
  async ({ db, caller }) => ({
    tokens: await listTokens(db, caller),
  }),
);

export const POST = route(
  {
    policy: "signed-in",
    summary: "My API tokens; create one (its secret is shown once)",
    scope: "session",
    body: ZCreateToken,
  },
  async ({ db, caller, body }) => {
    const { token, view } = await createToken(db, caller, body);
    return json({ token, ...view }, 201);
  },
);
