// Outbound webhooks: subscriptions per event type, payloads signed with
// HMAC-SHA256 over "<timestamp>.<body>" (Stripe's scheme, header
// `Omnidesk-Signature: t=<unix seconds>,v1=<hex>`), delivered through the
// outbox with its backoff, and a delivery log with replay.
import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { open, seal } from "../crypto/secret-box";
import { isWebhookEvent, WEBHOOK_EVENTS } from "../shared/webhook-events";

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

export const ZCreateWebhook = z.strictObject({
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    // zod runs this even when the URL check above failed, so it must not assume a URL.
    .refine((u) => URL.canParse(u) && (new URL(u).protocol === "https:" || LOOPBACK.test(new URL(u).hostname)), {
      message: "Use an https:// URL (plain http only to this machine)",
    }),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, "Pick at least one event").max(WEBHOOK_EVENTS.length),
});
export type TCreateWebhook = z.infer<typeof ZCreateWebhook>;

const subscriptionView = { id: true, url: true, events: true, enabled: true, createdAt: true } as const;

export async function createWebhook(db: Db, input: TCreateWebhook, actorUserId: string, appSecret: string) {
  const req = ZCreateWebhook.parse(input);
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const sub = await db.$transaction(async (tx) => {
    const created = await tx.webhookSubscription.create({
      data: { url: req.url, events: [...new Set(req.events)].join(" "), secretEnc: seal(secret, appSecret) },
      select: subscriptionView,
    });
    await recordEvent(tx, {
      action: "settings.webhook_added",
      actorUserId,
      data: { subscriptionId: created.id, url: req.url, events: req.events },
    });
    return created;
  });
  return { ...toView(sub), secret };
}

const toView = <T extends { events: string }>(s: T) => ({ ...s, events: s.events.split(" ") });

export async function listWebhooks(db: Db) {
  const subs = await db.webhookSubscription.findMany({ orderBy: { createdAt: "asc" }, select: subscriptionView });
  return subs.map(toView);
}

export async function deleteWebhook(db: Db, id: string, actorUserId: string) {
  const found = await db.webhookSubscription.findUnique({ where: { id }, select: { url: true } });
  if (!found) throw notFound("Webhook");
  await db.$transaction(async (tx) => {
    await tx.webhookSubscription.delete({ where: { id } });
    await recordEvent(tx, {
      action: "settings.webhook_removed",
      actorUserId,
      data: { subscriptionId: id, url: found.url },
    });
  });
}

export async function listDeliveries(db: Db, subscriptionId: string, limit = 50) {
  return db.webhookDelivery.findMany({
    where: { subscriptionId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      event: true,
      status: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      deliveredAt: true,
      createdAt: true,
    },
  });
}

/** Sends a delivery again, as it was (same id and body; a fresh signature). */
export async function replayDelivery(db: Db, deliveryId: string, actorUserId: string) {
  const d = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true } });
  if (!d) throw notFound("Delivery");
  await db.$transaction(async (tx) => {
    await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "pending" } });
    await tx.outboxJob.create({ data: { kind: "webhook", payload: JSON.stringify({ deliveryId }) } });
    await recordEvent(tx, { action: "settings.webhook_replayed", actorUserId, data: { deliveryId } });
  });
}

/**
 * Turns new subscribable events into deliveries for the subscriptions that
 * want them (and existed when the event happened), each with its outbox job,
 * in the same transaction that marks the event published: exactly once.
 */
export async function fanOutEvents(db: Db, batchSize = 200): Promise<number> {
  const events = await db.auditEvent.findMany({
    where: { published: false },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: batchSize,
  });
  if (!events.length) return 0;
  const subs = await db.webhookSubscription.findMany({ where: { enabled: true } });
  let created = 0;
  for (const e of events) {
    await db.$transaction(async (tx) => {
      const claimed = await tx.auditEvent.updateMany({
        where: { id: e.id, published: false },
        data: { published: true },
      });
      if (!claimed.count || !isWebhookEvent(e.action)) return; // another worker took it
      for (const sub of subs) {
        if (!sub.events.split(" ").includes(e.action) || sub.createdAt > e.createdAt) continue;
        const body = JSON.stringify({
          id: e.id,
          event: e.action,
          createdAt: e.createdAt.toISOString(),
          conversationId: e.conversationId,
          data: JSON.parse(e.data),
        });
        const delivery = await tx.webhookDelivery.create({
          data: { subscriptionId: sub.id, eventId: e.id, event: e.action, payload: body },
        });
        await tx.outboxJob.create({ data: { kind: "webhook", payload: JSON.stringify({ deliveryId: delivery.id }) } });
        created++;
      }
    });
  }
  return created;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export const ZWebhookJob = z.object({ deliveryId: z.string().min(1) });

/** One attempt: 2xx delivers; anything else is recorded and thrown, so the outbox retries (and finally fails) it. */
export async function deliverWebhook(
  db: Db,
  deliveryId: string,
  job: { attempt: number; maxAttempts: number },
  appSecret: string,
  now = () => new Date(),
): Promise<void> {
  const d = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { subscription: true } });
  if (!d) return; // the subscription was removed with its deliveries
  const timestamp = Math.floor(now().getTime() / 1000);
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(d.subscription.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Omnidesk-Webhooks/1",
        "omnidesk-event": d.event,
        "omnidesk-delivery": d.id,
        "omnidesk-signature": signature(open(d.subscription.secretEnc, appSecret), timestamp, d.payload),
      },
      body: d.payload,
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    statusCode = res.status;
    await res.body?.cancel();
    if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const giveUp = !!error && job.attempt >= job.maxAttempts;
  await db.webhookDelivery.update({
    where: { id: d.id },
    data: {
      attempts: { increment: 1 },
      lastStatusCode: statusCode,
      lastError: error,
      status: error ? (giveUp ? "failed" : "pending") : "delivered",
      deliveredAt: error ? null : now(),
    },
  });
  if (error) throw new AppError(502, "webhook_failed", `${d.subscription.url}: ${error}`);
}
