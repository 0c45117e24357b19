// Inbound messages that were accepted (the provider was told "stored") but
// could not be ingested after every retry: never only a row in a table. Agents
// see them with the reason and the original, and can send one through again
// once whatever failed is mended.
import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import type { Db } from "../db/client";
import { decodeCursor, encodeCursor } from "../db/cursor";
import { notFound } from "../errors";
import { INBOUND_KINDS } from "../jobs/outbox";
import type { BlobStore } from "../storage/blob-store";

export const ZFailedInboundQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const FAILED = { kind: { in: [...INBOUND_KINDS] }, status: "failed" };

const ZSmsPayload = z.looseObject({ From: z.string().optional(), Body: z.string().optional() });
const ZEmailPayload = z.looseObject({ rawKey: z.string(), envelopeFrom: z.string().optional() });

export interface FailedInbound {
  id: string;
  channel: "sms" | "email";
  receivedAt: Date;
  failedAt: Date;
  attempts: number;
  reason: string;
  /** who sent it, as far as the stored payload says */
  from: string;
  /** the start of what was sent */
  excerpt: string;
}

/** The raw email's header lines this list shows, without parsing the message (which may be what failed). */
function emailHeaders(raw: Buffer | null): { from: string; subject: string } {
  const head = (raw ?? Buffer.alloc(0))
    .subarray(0, 64_000)
    .toString("latin1")
    .split(/\r?\n\r?\n/)[0]!;
  const header = (name: string) =>
    new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, "im").exec(head)?.[1]?.replace(/\r?\n[ \t]+/g, " ") ?? "";
  return { from: header("from"), subject: header("subject") };
}

async function summarise(
  store: BlobStore,
  job: {
    id: string;
    kind: string;
    payload: string;
    createdAt: Date;
    updatedAt: Date;
    attempts: number;
    lastError: string | null;
  },
): Promise<FailedInbound> {
  const base = {
    id: job.id,
    receivedAt: job.createdAt,
    failedAt: job.updatedAt,
    attempts: job.attempts,
    reason: job.lastError ?? "unknown",
  };
  const payload: unknown = JSON.parse(job.payload);
  if (job.kind === "inbound.sms") {
    const sms = ZSmsPayload.safeParse(payload);
    return { ...base, channel: "sms", from: sms.data?.From ?? "", excerpt: (sms.data?.Body ?? "").slice(0, 200) };
  }
  const email = ZEmailPayload.safeParse(payload);
  const headers = emailHeaders(email.success ? await store.get(email.data.rawKey) : null);
  return {
    ...base,
    channel: "email",
    from: (headers.from || email.data?.envelopeFrom || "").slice(0, 320),
    excerpt: headers.subject.slice(0, 200),
  };
}

export async function countFailedInbound(db: Db): Promise<number> {
  return db.outboxJob.count({ where: FAILED });
}

/** Newest failure first, cursor-paginated. */
export async function listFailedInbound(db: Db, store: BlobStore, q: z.output<typeof ZFailedInboundQuery>) {
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const jobs = await db.outboxJob.findMany({
    where: {
      ...FAILED,
      ...(after ? { OR: [{ updatedAt: { lt: after.at } }, { updatedAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const page = jobs.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: await Promise.all(page.map((job) => summarise(store, job))),
    total: await countFailedInbound(db),
    nextCursor: jobs.length > q.limit && last ? encodeCursor(last.updatedAt, last.id) : null,
  };
}

/** What was received, as received: an email's raw MIME, an SMS webhook's fields. */
export async function failedInboundOriginal(db: Db, store: BlobStore, id: string) {
  const job = await db.outboxJob.findFirst({ where: { id, ...FAILED }, select: { kind: true, payload: true } });
  if (!job) throw notFound("Failed inbound message");
  if (job.kind === "inbound.email") {
    const email = ZEmailPayload.safeParse(JSON.parse(job.payload));
    const raw = email.success ? await store.get(email.data.rawKey) : null;
    if (!raw) throw notFound("The original of this email");
    return { contentType: "message/rfc822", filename: `${id}.eml`, bytes: raw };
  }
  const pretty = JSON.stringify(JSON.parse(job.payload), null, 2);
  return { contentType: "application/json", filename: `${id}.json`, bytes: Buffer.from(pretty) };
}

/** Sends a failed message through ingest again, from the first attempt (audited). */
export async function retryFailedInbound(db: Db, id: string, actorUserId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const retried = await tx.outboxJob.updateMany({
      where: { id, ...FAILED },
      data: { status: "pending", attempts: 0, runAt: new Date(), lockedUntil: null },
    });
    if (!retried.count) throw notFound("Failed inbound message");
    await recordEvent(tx, { action: "inbound.retried", actorUserId, data: { jobId: id } });
  });
}
