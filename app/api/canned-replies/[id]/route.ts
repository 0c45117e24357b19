import { deleteCannedReply, updateCannedReply, ZCannedReplyPatch } from "@/lib/conversations/canned-replies";
import { ZIdParams } from "@/lib/gateway/params";
import { route } from "@/lib/gateway/route";

const summary = "Change or delete a canned reply (its author; a shared one also an admin)";

export const PATCH = route(
  { policy: "agent", summary, params: ZIdParams, body: ZCannedReplyPatch },
  ({ db, caller, params, body }) => updateCannedReply(db, params.id, caller, body),
);

export const DELETE = route({ policy: "agent", summary, params: ZIdParams }, async ({ db, caller, params }) => {
  await deleteCannedReply(db, params.id, caller);
  return { ok: true };
});
