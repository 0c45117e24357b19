import { z } from "zod";
import { failedInboundOriginal } from "@/lib/channels/failed-inbound";
import { route } from "@/lib/gateway/route";
import { blobStore } from "@/lib/storage/store";

export const GET = route(
  {
    policy: "agent",
    summary: "A failed inbound message as received (an email's MIME, an SMS webhook's fields)",
    params: z.strictObject({ id: z.string().min(1).max(64) }),
  },
  async ({ db, params }) => {
    const original = await failedInboundOriginal(db, blobStore(), params.id);
    return new Response(new Uint8Array(original.bytes), {
      headers: {
        // Shown as text, never rendered: it is whatever a sender wrote.
        "content-type": "text/plain; charset=utf-8",
        "content-disposition": `inline; filename="${original.filename}"`,
        "x-content-type-options": "nosniff",
      },
    });
  },
);
