import { z } from "zod";
import { route } from "@/lib/gateway/route";
import { endSession } from "@/lib/sessions/sessions";

export const DELETE = route(
  {
    policy: "signed-in",
    summary: "End one of my sessions",
    scope: "session",
    params: z.strictObject({ id: z.string().min(1).max(64) }),
  },
  async ({ db, caller, params }) => {
    await endSession(db, caller.id, params.id);
    return { ok: true };
  },
);
