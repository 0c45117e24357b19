import { env } from "@/lib/env";
import { json, route } from "@/lib/gateway/route";
import { identitySecret } from "@/lib/channels/chat/identity";
import { createChatSite, listChatSites, ZChatSiteInput } from "@/lib/channels/chat/sites";

// Admins see each site's identity secret: the host site's server needs it to sign its users.
export const GET = route(
  { policy: "admin", summary: "Websites that embed the chat widget; add one" },
  async ({ db }) => ({
    items: (await listChatSites(db)).map((s) => ({
      ...s,
      identitySecret: identitySecret(s.key, env().NEXTAUTH_SECRET),
    })),
  }),
);

export const POST = route(
  { policy: "admin", summary: "Websites that embed the chat widget; add one", body: ZChatSiteInput },
  async ({ db, caller, body }) => json(await createChatSite(db, body, caller.id), 201),
);
