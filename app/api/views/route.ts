import { createSavedView, listViews, ZSavedViewInput } from "@/lib/conversations/views";
import { json, route } from "@/lib/gateway/route";

export const GET = route({ policy: "agent", summary: "Inbox views with their counts; save a view" }, ({ db, caller }) =>
  listViews(db, caller),
);

export const POST = route(
  {
    policy: "agent",
    summary: "Inbox views with their counts; save a view",
    body: ZSavedViewInput,
  },
  async ({ db, caller, body }) => json(await createSavedView(db, caller.id, body), 201),
);
