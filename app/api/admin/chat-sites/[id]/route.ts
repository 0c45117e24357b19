import { z } from "zod";
import { route } from "@/lib/gateway/route";
import { deleteChatSite } from "@/lib/channels/chat/sites";

export const DELETE = route(
  { policy: "admin", summary: "Remove a chat site", params: z.strictObject({ id: z.string().min(1).max(64) }) },
  async ({ db, caller, params }) => {
    await deleteChatSite(db, params.id, caller.id);
    return { ok: true };
  },
);
