// Images a chat visitor sends: sniffed, never trusted by their declared type,
// stored as a chat message with the image attached, and fetched back only by
// the visitor whose conversation holds them.
import type { Db } from "../../db/client";
import { AppError, notFound } from "../../errors";
import { ingest } from "../../conversations/ingest";
import { servedType } from "../../conversations/attachments";
import type { BlobStore } from "../../storage/blob-store";
import { visitorCustomerId, visitorInbound } from "./visitor-chat";
import type { Visitor } from "./visitor-token";

export const CHAT_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
};

/** Stores an image from the visitor as a chat message with the image attached. */
export async function postVisitorImage(db: Db, store: BlobStore, v: Visitor, bytes: Buffer, filename?: string) {
  if (bytes.byteLength > CHAT_IMAGE_MAX_BYTES) {
    throw new AppError(413, "image_too_large", `Images can be up to ${CHAT_IMAGE_MAX_BYTES / 1024 / 1024} MB`);
  }
  const { contentType, inline } = servedType(bytes);
  if (!inline) throw new AppError(415, "not_an_image", "Send a PNG, JPEG, GIF or WebP image");
  // No pre-chat fields come with an image: where the site asks for them, the first message has to.
  const inbound = await visitorInbound(db, v, {});
  const extension = EXTENSIONS[contentType]!;
  const name = (filename ?? "").replace(/[^\w. -]/g, "").slice(0, 100) || `image.${extension}`;
  const storageKey = await store.put(bytes, extension);
  const r = await ingest(
    db,
    inbound({
      body: `[image: ${name}]`,
      attachments: [{ filename: name, contentType, size: bytes.byteLength, storageKey }],
    }),
  );
  return { id: r.messageId, conversationId: r.conversationId };
}

/** An image of the visitor's own conversation (agents' replies or their own uploads), else 404. */
export async function visitorAttachment(db: Db, v: Visitor, storageKey: string) {
  const customerId = await visitorCustomerId(db, v);
  const a = await db.attachment.findFirst({
    where: { storageKey, message: { direction: { not: "note" }, conversation: { customerId: customerId ?? "-" } } },
    select: { filename: true },
  });
  if (!a) throw notFound("Attachment");
  return a;
}
