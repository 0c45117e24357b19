// What a chat has beyond text: images the visitor sends (sniffed, never trusted
// by their declared type) and "seen" receipts both ways.
import { recordEvents } from "../audit/record-event";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { ingest } from "../conversations/ingest";
import { servedType } from "../conversations/attachments";
import type { BlobStore } from "../storage/blob-store";
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

/** The visitor's widget showed the helpdesk's messages up to this one: they are seen. */
export async function markSeenByVisitor(db: Db, v: Visitor, upToMessageId: string, now = new Date()) {
  const customerId = await visitorCustomerId(db, v);
  const upTo = await db.message.findFirst({
    where: { id: upToMessageId, conversation: { customerId: customerId ?? "-" } },
    select: { conversationId: true, createdAt: true },
  });
  if (!upTo) throw notFound("Message");
  await markSeen(db, upTo.conversationId, "outbound", upTo.createdAt, now, "customer");
}

/** An agent has the conversation open: the customer's chat messages in it are seen. */
export async function markSeenByAgent(db: Db, conversationId: number, now = new Date()) {
  await markSeen(db, conversationId, "inbound", now, now, "agent");
}

async function markSeen(
  db: Db,
  conversationId: number,
  direction: "inbound" | "outbound",
  upTo: Date,
  now: Date,
  by: "customer" | "agent",
) {
  await db.$transaction(async (tx) => {
    const seen = await tx.message.updateMany({
      where: { conversationId, direction, channel: "chat", seenAt: null, createdAt: { lte: upTo } },
      data: { seenAt: now },
    });
    // Only a change is news: reopening a conversation already seen sends nothing.
    if (seen.count)
      await recordEvents(tx, [{ action: "message.seen", conversationId, data: { by, count: seen.count } }]);
  });
}
