import { json, route } from "@/lib/gateway/route";
import { createChatSite, listChatSites, ZChatSiteInput } from "@/lib/chat/sites";

export const GET = route({ policy: "admin" }, async ({ db }) => ({ items: await listChatSites(db) }));

export const POST = route({ policy: "admin", body: ZChatSiteInput }, async ({ db, caller, body }) =>
  json(await createChatSite(db, body, caller.id), 201),
);
