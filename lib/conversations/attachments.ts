// Serving stored attachments and raw sources only to people who may see the
// conversation they belong to: agents, or the customer whose conversation it
// is (never from internal notes). What the bytes are is sniffed, not trusted:
// only known image types are shown inline; everything else is a download.
import type { Db } from "../db/client";
import { notFound } from "../errors";
import type { AccountSummary } from "../users/accounts";

const INLINE_IMAGES: [string, (b: Buffer) => boolean][] = [
  ["image/png", (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ["image/jpeg", (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ["image/gif", (b) => b.subarray(0, 4).toString("latin1") === "GIF8"],
  [
    "image/webp",
    (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
  ],
];

/** The type we serve: a sniffed image type for inline display, else a download whatever was declared. */
export function servedType(bytes: Buffer): { contentType: string; inline: boolean } {
  const image = INLINE_IMAGES.find(([, matches]) => matches(bytes));
  if (image) return { contentType: image[0], inline: true };
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return { contentType: "application/pdf", inline: false };
  return { contentType: "application/octet-stream", inline: false };
}

export async function findVisibleAttachment(db: Db, viewer: AccountSummary, storageKey: string) {
  const rows = await db.attachment.findMany({
    where: {
      storageKey,
      ...(viewer.role === "customer"
        ? { message: { direction: { not: "note" }, conversation: { customerId: viewer.customerId ?? "-" } } }
        : {}),
    },
    select: { filename: true },
    take: 1,
  });
  if (!rows[0]) throw notFound("Attachment");
  return rows[0];
}

export async function findRawSourceKey(db: Db, messageId: string): Promise<string> {
  const m = await db.message.findUnique({ where: { id: messageId }, select: { rawStorageKey: true } });
  if (!m?.rawStorageKey) throw notFound("Original message");
  return m.rawStorageKey;
}
