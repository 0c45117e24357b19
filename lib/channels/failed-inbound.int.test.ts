// Inbound messages that failed for good are shown to agents, with the reason and the original, and can be
// sent through again.
import { describe, expect, it } from "vitest";
import * as failedRoute from "@/app/api/inbound/failed/route";
import * as originalRoute from "@/app/api/inbound/failed/[id]/original/route";
import * as retryRoute from "@/app/api/inbound/failed/[id]/retry/route";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { drainJobs, type InboundHandlers } from "@/lib/jobs/job-runner";
import { enqueueInbound } from "@/lib/jobs/outbox";
import { inboundHandlers } from "@/lib/runtime/inbound-handlers";
import { blobStore } from "@/lib/storage/store";
import { call, createAgent, createCustomerUser, sessionCookie } from "@/tests/helpers/factories";
import { inboundSms } from "@/tests/helpers/twilio";
import { acceptRawEmail } from "./email/accept";

const broken: InboundHandlers = {
  "inbound.sms": async () => {
    throw new AppError(422, "unfileable", "the ingest refused it: no such team");
  },
  "inbound.email": async () => {
    throw new AppError(422, "unfileable", "the mail could not be threaded");
  },
};

describe("failed inbound messages", () => {
  it("are listed for agents with the sender, an excerpt and the reason, newest first, with their count", async () => {
    const sms = inboundSms({ From: "+14155550100", Body: "Where is my order?" });
    await enqueueInbound(db(), "inbound.sms", `sms:${sms.MessageSid}`, sms);
    await acceptRawEmail(
      db(),
      blobStore(),
      Buffer.from("From: Ann <ann@example.com>\r\nSubject: Refund please\r\nMessage-ID: <f1@x>\r\n\r\nHi\r\n"),
      { source: "webhook" },
    );
    expect(await drainJobs(db(), broken)).toEqual({ processed: 0, retried: 0, failed: 2 });
    const agent = await createAgent();
    const res = await call(failedRoute.GET, { path: "/api/inbound/failed", cookie: await sessionCookie(agent.id) });
    expect(res.status).toBe(200);
    expect(res.json.total).toBe(2);
    expect(res.json.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          channel: "sms",
          from: "+14155550100",
          excerpt: "Where is my order?",
          reason: "the ingest refused it: no such team",
          attempts: 1,
        }),
        expect.objectContaining({ channel: "email", from: "Ann <ann@example.com>", excerpt: "Refund please" }),
      ]),
    );
  });

  it("show their original, and only to agents", async () => {
    const sms = inboundSms({ From: "+14155550101", Body: "<b>not html</b>" });
    await enqueueInbound(db(), "inbound.sms", `sms:${sms.MessageSid}`, sms);
    await drainJobs(db(), broken);
    const { id } = await db().outboxJob.findFirstOrThrow();
    const agent = await createAgent();
    const original = await call(originalRoute.GET, {
      path: `/api/inbound/failed/${id}/original`,
      cookie: await sessionCookie(agent.id),
      params: { id },
    });
    expect(original.status).toBe(200);
    expect(original.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(JSON.parse(original.text)).toMatchObject({ From: "+14155550101", Body: "<b>not html</b>" });
    const { user: customer } = await createCustomerUser();
    const asCustomer = await call(originalRoute.GET, {
      path: `/api/inbound/failed/${id}/original`,
      cookie: await sessionCookie(customer.id),
      params: { id },
    });
    expect(asCustomer.status).toBe(403);
  });

  it("go through ingest again on retry, audited, and leave the list", async () => {
    const sms = inboundSms({ From: "+14155550102", Body: "Second try" });
    await enqueueInbound(db(), "inbound.sms", `sms:${sms.MessageSid}`, sms);
    await drainJobs(db(), broken);
    const { id } = await db().outboxJob.findFirstOrThrow();
    const agent = await createAgent();
    const cookie = await sessionCookie(agent.id);
    const retry = () =>
      call(retryRoute.POST, { method: "POST", path: `/api/inbound/failed/${id}/retry`, cookie, params: { id } });
    expect((await retry()).status).toBe(200);
    // Already pending: nothing to retry.
    expect((await retry()).status).toBe(404);
    expect(await drainJobs(db(), inboundHandlers)).toEqual({ processed: 1, retried: 0, failed: 0 });
    expect((await db().message.findFirstOrThrow()).body).toBe("Second try");
    expect((await call(failedRoute.GET, { path: "/api/inbound/failed", cookie })).json).toMatchObject({
      items: [],
      total: 0,
    });
    expect(await db().auditEvent.count({ where: { action: "inbound.retried", actorUserId: agent.id } })).toBe(1);
  });
});
