import { deleteSavedView, updateSavedView, ZSavedViewPatch } from "@/lib/conversations/views";
import { ZIdParams } from "@/lib/gateway/params";
import { route } from "@/lib/gateway/route";

export const PATCH = route(
  {
    policy: "agent",
    summary: "Rename, share or refilter a saved view (its owner, or an admin for a shared one); delete it",
    params: ZIdParams,
    body: ZSavedViewPatch,
  },
  ({ db, caller, params, body }) => updateSavedView(db, params.id, caller, body),
);

export const DELETE = route(
  {
    policy: "agent",
    summary: "Rename, share or refilter a saved view (its owner, or an admin for a shared one); delete it",
    params: ZIdParams,
  },
  async ({ db, caller, params }) => {
    await deleteSavedView(db, params.id, caller);
    return { ok: true };
  },
);
