// The one entry every channel calls with an inbound message. Idempotent on
// (channel, providerId) through the unique constraint; everything it writes —
// customer, identity, conversation, message, events — commits together or not at all.
import { z } from "zod";
import { recordEvents } from "../audit/record-event";
import { afterCustomerMessage, PROCESS_FIELDS } from "../automation/after-customer-message";
import { notify } from "../users/notifications";
import { type Db, type Tx, isUniqueViolation } from "../db/client";
import { conflict, notFound } from "../errors";
import { normaliseIdentity } from "../customers/identity";
import { REOPENED_BY_CUSTOMER, ZChannel, ZIdentityKind, type TChannel, type TStatus } from "../shared/vocabulary";

export const ZAttachmentMeta = z.strictObject({
  filename: z.string().min(1).max(255),
  contentType: z.string().min(1).max(255),
  size: z.number().int().min(0),
  storageKey: z.string().min(1).max(2048),
  contentId: z.string().max(500).optional(),
});

export const ZInbound = z.strictObject({
  channel: ZChannel,
  /** The provider's id for this message (MessageSid, Message-ID…). */
  providerId: z.string().trim().min(1).max(512).optional(),
  from: z.union([
    z.strictObject({
      identity: z.strictObject({ kind: ZIdentityKind, value: z.string().max(320) }),
      name: z.string().trim().max(200).optional(),
    }),
    z.strictObject({ customerId: z.string().min(1) }),
  ]),
  /** Thread into this conversation (it must be the customer's). */
  conversationId: z.number().int().positive().optional(),
  /** Open a new conversation even if the customer has an open one. */
  newConversation: z.boolean().optional(),
  subject: z.string().trim().max(200).optional(),
  body: z.string().max(100_000),
  /** sanitised HTML (the channel sanitises before calling) */
  bodyHtml: z.string().max(2_000_000).optional(),
  /** where the raw source is stored (an email's MIME) */
  rawStorageKey: z.string().max(200).optional(),
  /** a machine's message (auto-reply, bulk): stored, but it never reopens the conversation */
  automated: z.boolean().optional(),
  attachments: z.array(ZAttachmentMeta).max(50).optional(),
  receivedAt: z.date().optional(),
  /** what routing rules may look at besides the message: the addresses an email was sent to, a caller's menu path */
  context: z
    .strictObject({
      mailbox: z.array(z.string().max(320)).max(50).optional(),
      ivrPath: z.string().max(2_000).optional(),
    })
    .optional(),
});
export type TInbound = z.input<typeof ZInbound>;

export interface IngestResult {
  conversationId: number;
  messageId: string;
  customerId: string;
  duplicate: boolean;
  createdConversation: boolean;
}

const MAX_ATTEMPTS = 3;

/**
 * The input with NUL characters removed from every string: real mail and SMS carry them now and then,
 * and PostgreSQL refuses them in text ("invalid byte sequence for encoding UTF8: 0x00"). The raw
 * source, where there is one, keeps them.
 */
function withoutNulBytes<T>(value: T): T {
  if (typeof value === "string") return value.replaceAll("\0", "") as T;
  if (Array.isArray(value)) return value.map(withoutNulBytes) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNulBytes(v)])) as T;
  return value;
}

export async function ingest(db: Db, input: TInbound): Promise<IngestResult> {
  const inbound = ZInbound.parse(withoutNulBytes(input));
  // No look-up first: new messages are the common case, and the unique constraint
  // catches a replay (its transaction rolls back and we report the stored message).
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => ingestInTx(tx, inbound));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // Lost a race: either the same provider id was stored concurrently (a duplicate)
      // or the same new customer was created concurrently (retry and find it).
      const dup = await findDuplicate(db, inbound.channel, inbound.providerId);
      if (dup) return dup;
      if (attempt >= MAX_ATTEMPTS) throw err;
    }
  }
}

async function findDuplicate(db: Db, channel: TChannel, providerId?: string): Promise<IngestResult | null> {
  if (!providerId) return null;
  const m = await db.message.findUnique({
    where: { channel_providerId: { channel, providerId } },
    select: { id: true, conversationId: true, conversation: { select: { customerId: true } } },
  });
  if (!m) return null;
  return {
    conversationId: m.conversationId,
    messageId: m.id,
    customerId: m.conversation.customerId,
    duplicate: true,
    createdConversation: false,
  };
}

type Inbound = z.output<typeof ZInbound>;

/** What ingest reads of the conversation, and hands on to the processes that follow the message. */
const CONVERSATION_FIELDS = { id: true, ...PROCESS_FIELDS } as const;

async function ingestInTx(tx: Tx, inbound: Inbound): Promise<IngestResult> {
  // A customer given by id is not looked up when what follows proves they exist: a given conversation
  // must be theirs, and finding their open conversation first locks their row.
  const { customerId, newCustomer } =
    "customerId" in inbound.from && !inbound.newConversation
      ? { customerId: inbound.from.customerId, newCustomer: false }
      : await resolveCustomer(tx, inbound.from);
  const at = inbound.receivedAt ?? new Date();
  const { conversation, created } = await findOrOpenConversation(tx, customerId, inbound, at, newCustomer);

  const message = await tx.message.create({
    data: {
      conversationId: conversation.id,
      direction: "inbound",
      channel: inbound.channel,
      body: inbound.body,
      bodyHtml: inbound.bodyHtml ?? null,
      rawStorageKey: inbound.rawStorageKey ?? null,
      automated: inbound.automated ?? false,
      deliveryStatus: "received",
      providerId: inbound.providerId ?? null,
      createdAt: at,
      attachments: inbound.attachments?.length ? { create: inbound.attachments } : undefined,
    },
    select: { id: true },
  });

  const reopen = !inbound.automated && REOPENED_BY_CUSTOMER.includes(conversation.status as TStatus);
  // A conversation opened just now already carries this message's time.
  const current = created
    ? conversation
    : await tx.conversation.update({
        where: { id: conversation.id },
        data: { lastMessageAt: at, ...(reopen ? { status: "open", resolvedAt: null } : {}) },
        select: CONVERSATION_FIELDS,
      });
  await recordEvents(tx, [
    ...(created
      ? [{ action: "conversation.created", conversationId: conversation.id, data: { channel: inbound.channel } }]
      : []),
    ...(reopen
      ? [{ action: "conversation.reopened", conversationId: conversation.id, data: { from: conversation.status } }]
      : []),
    {
      action: "message.received",
      conversationId: conversation.id,
      data: { messageId: message.id, channel: inbound.channel },
    },
  ]);
  // The agent who has the conversation hears that the customer answered (a machine's reply is no answer).
  if (!created && current.assigneeId && !inbound.automated)
    await notify(tx, { userId: current.assigneeId, kind: "customer_replied", conversationId: conversation.id });
  await afterCustomerMessage(
    tx,
    {
      conversationId: conversation.id,
      conversation: current,
      created,
      channel: inbound.channel,
      body: inbound.body,
      automated: inbound.automated ?? false,
      context: inbound.context,
    },
    at,
  );
  return {
    conversationId: conversation.id,
    messageId: message.id,
    customerId,
    duplicate: false,
    createdConversation: created,
  };
}

async function resolveCustomer(tx: Tx, from: Inbound["from"]): Promise<{ customerId: string; newCustomer: boolean }> {
  if ("customerId" in from) {
    const c = await tx.customer.findUnique({ where: { id: from.customerId }, select: { id: true } });
    if (!c) throw notFound("Customer");
    return { customerId: c.id, newCustomer: false };
  }
  const identity = normaliseIdentity(from.identity);
  const existing = await tx.identity.findUnique({
    where: { kind_value: identity },
    select: { customerId: true },
  });
  if (existing) return { customerId: existing.customerId, newCustomer: false };
  // A concurrent ingest may create the same identity: the unique constraint makes
  // one of us fail, and ingest() retries, finding the winner's customer.
  const customer = await tx.customer.create({
    // A chat visitor's id is a token nobody should read as a name.
    data: {
      name: from.name || (identity.kind === "chat" ? "Website visitor" : identity.value),
      identities: { create: identity },
    },
    select: { id: true },
  });
  return { customerId: customer.id, newCustomer: true };
}

async function findOrOpenConversation(tx: Tx, customerId: string, inbound: Inbound, at: Date, newCustomer: boolean) {
  if (inbound.conversationId !== undefined) {
    const c = await tx.conversation.findUnique({
      where: { id: inbound.conversationId },
      select: CONVERSATION_FIELDS,
    });
    // Someone else's conversation is reported as missing: never confirm it exists.
    if (!c || c.customerId !== customerId) throw notFound("Conversation");
    if (c.status === "closed") throw conflict("conversation_closed", "This conversation is closed; start a new one.");
    return { conversation: c, created: false };
  }
  // A customer created in this transaction has no conversations to look through.
  if (!inbound.newConversation && !newCustomer) {
    // Lock the customer's row until commit, so two racing messages cannot both find no
    // open conversation and open one each (PostgreSQL; SQLite transactions are serial).
    const locked = await tx.$executeRaw`UPDATE "Customer" SET "name" = "name" WHERE "id" = ${customerId}`;
    if (!locked) throw notFound("Customer");
    const latest = await tx.conversation.findFirst({
      where: { customerId, status: { not: "closed" } },
      orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
      select: CONVERSATION_FIELDS,
    });
    if (latest) return { conversation: latest, created: false };
  }
  const conversation = await tx.conversation.create({
    data: {
      customerId,
      channel: inbound.channel,
      subject: inbound.subject || subjectFromBody(inbound.body, inbound.channel),
      lastMessageAt: at,
      createdAt: at,
    },
    select: CONVERSATION_FIELDS,
  });
  return { conversation, created: true };
}

export function subjectFromBody(body: string, channel: TChannel): string {
  const firstLine = body
    .split("\n")
    .map((l) => l.trim())
    .find(Boolean);
  if (!firstLine) return `New ${channel} conversation`;
  return firstLine.length > 80 ? `${firstLine.slice(0, 77)}…` : firstLine;
}
