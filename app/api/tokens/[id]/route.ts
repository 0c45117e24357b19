import { z } from "zod";
import { revokeToken } from "@/lib/tokens/api-tokens";
import { route } from "@/lib/gateway/route";

export const DELETE = route(
  {
    policy: "signed-in",
    summary: "Revoke an API token",
    scope: "session",
    params: z.strictObject({ id: z.string().min(1).max(64) }),
  },
  async ({ db, caller, params }) => revokeToken(db, caller, params.id),
);
