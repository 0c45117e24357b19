import { z } from "zod";
import { findRawSourceKey } from "@/lib/conversations/attachments";
import { notFound } from "@/lib/errors";
import { route } from "@/lib/gateway/route";
import { blobStore } from "@/lib/storage/store";

// "View original": the message exactly as received (an email's MIME source), for agents, as plain text.
export const GET = route(
  {
    policy: "agent",
    summary: "A message's original source (an email's MIME)",
    params: z.strictObject({ id: z.string().min(1).max(64) }),
  },
  async ({ db, params }) => {
    const bytes = await blobStore().get(await findRawSourceKey(db, params.id));
    if (!bytes) throw notFound("Original message");
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
      },
    });
  },
);
