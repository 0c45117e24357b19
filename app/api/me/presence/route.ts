import { z } from "zod";
import { route } from "@/lib/gateway/route";
import { presenceStatus, setPresenceStatus, ZPresenceStatus } from "@/lib/realtime/presence";

export const GET = route({ policy: "agent", summary: "My presence: online or away" }, async ({ db, caller }) => ({
  status: await presenceStatus(db, caller.id),
}));

export const PUT = route(
  { policy: "agent", summary: "My presence: online or away", body: z.strictObject({ status: ZPresenceStatus }) },
  async ({ db, caller, body }) => {
    await setPresenceStatus(db, caller.id, body.status);
    return { status: body.status };
  },
);
