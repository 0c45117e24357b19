import { z } from "zod";
import { findVisibleAttachment, servedType } from "@/lib/conversations/attachments";
import { notFound } from "@/lib/errors";
import { route } from "@/lib/gateway/route";
import { blobStore } from "@/lib/storage/store";

const ZParams = z.strictObject({ key: z.string().regex(/^[0-9a-f]{64}(\.[a-z0-9]{1,10})?$/, "not an attachment key") });

export const GET = route(
  { policy: "signed-in", summary: "An attachment, for people who may see its conversation", params: ZParams },
  async ({ db, caller, params }) => {
    const { filename } = await findVisibleAttachment(db, caller, params.key);
    const bytes = await blobStore().get(params.key);
    if (!bytes) throw notFound("Attachment");
    const { contentType, inline } = servedType(bytes);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": contentType,
        "content-disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(filename)}`,
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
        "cache-control": "private, max-age=3600",
      },
    });
  },
);
