// What a chat visitor can do: start (or resume) a session on a site, read their
// own conversation, write in it. Everything goes through ingest like every
// other channel; the visitor is a customer with a "chat" identity.
import { z } from "zod";
import { type Db, isUniqueViolation } from "../../db/client";
import { AppError, forbidden, notFound } from "../../errors";
import { ingest, type TInbound } from "../../conversations/ingest";
import { onlineAgentIds } from "../../realtime/presence";
import { identitySecret, validIdentity, visitorIdForUser, ZChatIdentity, type ChatIdentity } from "./identity";
import { findChatSite, type ChatSiteView } from "./sites";
import { issueVisitorToken, newVisitorId, verifyVisitorToken, type Visitor, visitorIdentity } from "./visitor-token";

/** Longer messages are refused with 413: chat is for talking, attachments come separately. */
export const CHAT_MAX_CHARS = 5_000;

export const ZChatSession = z.strictObject({
  siteKey: z.string().min(1).max(64),
  /** the token this browser kept from an earlier session on this site */
  token: z.string().max(300).optional(),
  /** the page that embeds the widget (its origin must be one of the site's) */
  host: z.string().max(300),
  /** a signed-in user of the host site, signed by its server (see identity.ts) */
  identity: ZChatIdentity.optional(),
});

export const ZChatMessage = z.strictObject({
  body: z.string().trim().min(1, "Write a message first").max(100_000),
  /** from the pre-chat form, with the first message */
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email("Enter a valid email address").max(320).optional(),
});

export interface ChatSession {
  token: string;
  site: { name: string; requirePreChat: boolean };
  /** the visitor has written before (the pre-chat form is not asked again) */
  known: boolean;
  /** someone is at the dashboard now; if not, the widget asks for an email to answer to */
  agentsOnline: boolean;
}

const originOf = (url: string) => (URL.canParse(url) ? new URL(url).origin : "");

export async function startChatSession(
  db: Db,
  input: z.infer<typeof ZChatSession>,
  secret: string,
): Promise<ChatSession> {
  const site = await findChatSite(db, input.siteKey);
  if (!site) throw notFound("Chat site");
  if (!site.allowedOrigins.includes(originOf(input.host))) throw forbidden("This site may not embed the chat");
  let visitor: Visitor;
  if (input.identity) {
    if (!validIdentity(identitySecret(site.key, secret), input.identity))
      throw forbidden("The signed-in user's signature does not match: check the site's identity secret");
    visitor = { siteKey: site.key, visitorId: visitorIdForUser(input.identity.userId) };
    await joinKnownCustomer(db, visitor, input.identity);
  } else {
    const kept = input.token ? verifyVisitorToken(input.token, secret) : null;
    visitor = kept && kept.siteKey === site.key ? kept : { siteKey: site.key, visitorId: newVisitorId() };
  }
  const known = !!(await visitorCustomerId(db, visitor));
  return {
    token: issueVisitorToken(visitor, secret),
    site: { name: site.name, requirePreChat: site.requirePreChat },
    known,
    agentsOnline: (await onlineAgentIds(db)).size > 0,
  };
}

/**
 * A verified user's chat belongs to the customer their (signed) email already
 * belongs to, or to a new customer with that email — so chat, email, SMS and
 * portal are one history.
 */
async function joinKnownCustomer(db: Db, v: Visitor, id: ChatIdentity): Promise<void> {
  const chat = visitorIdentity(v);
  if (await visitorCustomerId(db, v)) return;
  const email = id.email?.toLowerCase();
  const known = email
    ? await db.identity.findUnique({
        where: { kind_value: { kind: "email", value: email } },
        select: { customerId: true },
      })
    : null;
  try {
    if (known) {
      await db.identity.create({ data: { customerId: known.customerId, kind: "chat", value: chat } });
    } else {
      await db.customer.create({
        data: {
          name: id.name ?? email ?? "Website visitor",
          identities: { create: [{ kind: "chat", value: chat }, ...(email ? [{ kind: "email", value: email }] : [])] },
        },
      });
    }
  } catch (err) {
    if (!isUniqueViolation(err)) throw err; // a second tab got there first
  }
}

export async function visitorCustomerId(db: Db, v: Visitor): Promise<string | null> {
  const identity = await db.identity.findUnique({
    where: { kind_value: { kind: "chat", value: visitorIdentity(v) } },
    select: { customerId: true },
  });
  return identity?.customerId ?? null;
}

export async function visitorSite(db: Db, v: Visitor): Promise<ChatSiteView> {
  const site = await findChatSite(db, v.siteKey);
  // A token for a site that was removed opens nothing.
  if (!site) throw new AppError(401, "invalid_visitor_token", "This chat is no longer available");
  return site;
}

/** The visitor's current conversation as the widget shows it (no internal notes). */
export async function visitorTimeline(db: Db, v: Visitor) {
  await visitorSite(db, v);
  const customerId = await visitorCustomerId(db, v);
  if (!customerId) return { conversationId: null, status: null, messages: [] };
  const conversation = await db.conversation.findFirst({
    where: { customerId },
    orderBy: { lastMessageAt: "desc" },
    select: {
      id: true,
      status: true,
      messages: {
        where: { direction: { in: ["inbound", "outbound"] } },
        orderBy: { createdAt: "asc" },
        take: 200,
        select: {
          id: true,
          direction: true,
          body: true,
          createdAt: true,
          seenAt: true,
          author: { select: { name: true } },
          attachments: { select: { storageKey: true, filename: true, contentType: true } },
        },
      },
    },
  });
  if (!conversation) return { conversationId: null, status: null, messages: [] };
  return {
    conversationId: conversation.id,
    status: conversation.status,
    messages: conversation.messages.map((m) => ({
      id: m.id,
      fromVisitor: m.direction === "inbound",
      body: m.body,
      author: m.direction === "outbound" ? (m.author?.name ?? "Support") : null,
      createdAt: m.createdAt,
      seen: !!m.seenAt,
      images: m.attachments.filter((a) => a.contentType.startsWith("image/")),
    })),
  };
}

/**
 * Checks that a visitor may write now (their site still exists; the pre-chat form was filled where the
 * site asks for it) and returns how their message goes to ingest — a known visitor by customer id.
 */
export async function visitorInbound(db: Db, v: Visitor, contact: { name?: string; email?: string }) {
  const site = await visitorSite(db, v);
  const known = await visitorCustomerId(db, v);
  if (!known && site.requirePreChat && (!contact.name || !contact.email))
    throw new AppError(400, "prechat_required", "Tell us your name and email first");
  return (message: Pick<TInbound, "body" | "attachments">): TInbound => ({
    channel: "chat",
    from: known
      ? { customerId: known }
      : { identity: { kind: "chat", value: visitorIdentity(v) }, ...(contact.name ? { name: contact.name } : {}) },
    subject: known ? undefined : `Chat on ${site.name}`,
    ...message,
  });
}

export async function postVisitorMessage(db: Db, v: Visitor, input: z.infer<typeof ZChatMessage>) {
  if (input.body.length > CHAT_MAX_CHARS)
    throw new AppError(413, "message_too_large", `Messages can be up to ${CHAT_MAX_CHARS} characters`);
  const inbound = await visitorInbound(db, v, input);
  const r = await ingest(db, inbound({ body: input.body }));
  if (input.email) await rememberEmail(db, r.customerId, input.email);
  return { id: r.messageId, conversationId: r.conversationId };
}

/**
 * Keeps the pre-chat address on the visitor's customer so agents can answer by
 * email later — unless it already belongs to another customer: typing an
 * address proves nothing, so it never joins someone else's history.
 */
async function rememberEmail(db: Db, customerId: string, raw: string) {
  const value = raw.trim().toLowerCase();
  const taken = await db.identity.findUnique({ where: { kind_value: { kind: "email", value } } });
  if (taken) return;
  try {
    await db.identity.create({ data: { customerId, kind: "email", value } });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err; // someone else's since we looked: leave it
  }
}
