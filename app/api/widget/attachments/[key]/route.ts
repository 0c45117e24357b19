import { z } from "zod";
import { visitorAttachment } from "@/lib/channels/chat/visitor-images";
import { servedType } from "@/lib/conversations/attachments";
import { notFound } from "@/lib/errors";
import { route } from "@/lib/gateway/route";
import { blobStore } from "@/lib/storage/store";

const ZParams = z.strictObject({ key: z.string().regex(/^[0-9a-f]{64}(\.[a-z0-9]{1,10})?$/, "not an attachment key") });

/** An image of the visitor's own chat, for the widget (which fetches it with its token). */
export const GET = route(
  { policy: "visitor", summary: "An image of my chat", params: ZParams },
  async ({ db, caller, params }) => {
    await visitorAttachment(db, caller, params.key);
    const bytes = await blobStore().get(params.key);
    if (!bytes) throw notFound("Attachment");
    const { contentType, inline } = servedType(bytes);
    if (!inline) throw notFound("Image");
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": contentType,
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
        "cache-control": "private, max-age=3600",
      },
    });
  },
);
