// The websites that embed the chat widget. Each has a public key (in the
// embed snippet) and the origins allowed to embed it: the widget's page may be
// framed only by them (CSP frame-ancestors), and sessions are refused for others.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { notFound } from "../../errors";

const ZOrigin = z
  .string()
  .trim()
  .max(200)
  .refine(
    (v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol),
    "Enter an http(s) origin, e.g. https://shop.example.com",
  )
  .transform((v) => new URL(v).origin);

export const ZChatSiteInput = z.strictObject({
  name: z.string().trim().min(1, "Name the site").max(100),
  allowedOrigins: z.array(ZOrigin).min(1, "Add at least one origin").max(20),
  requirePreChat: z.boolean().default(false),
});
export type TChatSiteInput = z.input<typeof ZChatSiteInput>;

export interface ChatSiteView {
  id: string;
  key: string;
  name: string;
  allowedOrigins: string[];
  requirePreChat: boolean;
  createdAt: Date;
}

const toView = (s: {
  id: string;
  key: string;
  name: string;
  allowedOrigins: string;
  requirePreChat: boolean;
  createdAt: Date;
}): ChatSiteView => ({ ...s, allowedOrigins: s.allowedOrigins.split(" ").filter(Boolean) });

export async function createChatSite(db: Db, input: TChatSiteInput, actorUserId: string): Promise<ChatSiteView> {
  const data = ZChatSiteInput.parse(input);
  return db.$transaction(async (tx) => {
    const site = await tx.chatSite.create({
      data: {
        key: randomBytes(9).toString("base64url").replace(/[-_]/g, "x"),
        name: data.name,
        allowedOrigins: data.allowedOrigins.join(" "),
        requirePreChat: data.requirePreChat,
      },
    });
    await recordEvent(tx, {
      action: "chat_site.created",
      actorUserId,
      data: { key: site.key, origins: data.allowedOrigins },
    });
    return toView(site);
  });
}

export async function listChatSites(db: Db): Promise<ChatSiteView[]> {
  return (await db.chatSite.findMany({ orderBy: { createdAt: "asc" } })).map(toView);
}

export async function deleteChatSite(db: Db, id: string, actorUserId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const gone = await tx.chatSite.deleteMany({ where: { id } });
    if (!gone.count) throw notFound("Chat site");
    await recordEvent(tx, { action: "chat_site.deleted", actorUserId, data: { id } });
  });
}

export async function findChatSite(db: Db, key: string): Promise<ChatSiteView | null> {
  if (!/^[\w-]{1,64}$/.test(key)) return null;
  const site = await db.chatSite.findUnique({ where: { key } });
  return site ? toView(site) : null;
}
