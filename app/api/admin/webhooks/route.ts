import { env } from "@/lib/env";
import { json, route } from "@/lib/gateway/route";
import { createWebhook, listWebhooks, ZCreateWebhook } from "@/lib/webhooks/webhooks";

export const GET = route(
  { policy: "admin", summary: "Partner webhooks; subscribe (the secret is shown once)" },
  async ({ db }) => ({ webhooks: await listWebhooks(db) }),
);

// The answer carries the signing secret: the only time it is shown.
export const POST = route(
  { policy: "admin", summary: "Partner webhooks; subscribe (the secret is shown once)", body: ZCreateWebhook },
  async ({ db, caller, body }) => json(await createWebhook(db, body, caller.id, env().NEXTAUTH_SECRET), 201),
);
