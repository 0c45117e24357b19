// The authorisation matrix: every API route × every kind of caller, with the
// outcome each cell must have. Generated from the route list (which a test
// keeps complete), so a new route is in the matrix the day it is added. The
// expectations are written out per policy here, not computed by the gateway's
// own functions. next-auth's route needs Next's request scope and is covered
// by the Playwright sign-in journeys instead.
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "@/app/api/openapi.json/routes.generated";
import { acceptRawEmail } from "@/lib/channels/email/accept";
import { DEFAULT_IVR } from "@/lib/shared/ivr-config";
import { createMailbox } from "@/lib/channels/email/mailboxes";
import { ingest } from "@/lib/conversations/ingest";
import { updateConversation } from "@/lib/conversations/update-conversation";
import { DEFAULT_AUTOMATION, saveAutomation } from "@/lib/automation/config";
import { db } from "@/lib/db/client";
import type { Policy } from "@/lib/gateway/policy";
import type { RouteHandler } from "@/lib/gateway/route";
import { drainJobs } from "@/lib/jobs/job-runner";
import { inboundHandlers } from "@/lib/runtime/inbound-handlers";
import { blobStore } from "@/lib/storage/store";
import { createWebhook, fanOutEvents } from "@/lib/webhooks/webhooks";
import { createChatSite } from "@/lib/channels/chat/sites";
import { postVisitorImage } from "@/lib/channels/chat/visitor-images";
import { issueVisitorToken, newVisitorId } from "@/lib/channels/chat/visitor-token";
import { createToken } from "@/lib/tokens/api-tokens";
import { createSavedView } from "@/lib/conversations/views";
import { createCannedReply } from "@/lib/conversations/canned-replies";
import { findAccount } from "@/lib/users/accounts";
import { call, type CallOptions, createAgent, createCustomerUser, sessionCookie } from "@/tests/helpers/factories";
import { inboundSms, sid, signedTwilioPost } from "@/tests/helpers/twilio";

// One visitor calls every route in a row — more than a chat visitor's budget per minute (the limit itself
// is tested on its own); this keeps the matrix about who may call, not how often.
process.env.RATE_LIMIT_VISITOR_PER_MINUTE = "10000";

const TOKEN_SCOPES = [
  "conversations:read",
  "conversations:write",
  "customers:read",
  "customers:write",
  "admin",
] as const;
const CALLERS = [
  "anonymous",
  "customerA",
  "customerB",
  "agent",
  "admin",
  ...TOKEN_SCOPES.map((s) => `token:${s}`),
  "twilio",
  "mailer",
  "visitor",
] as const;
type CallerName = (typeof CALLERS)[number];
const TOKENS = CALLERS.filter((c) => c.startsWith("token:"));

/** Who gets past each policy by identity and role (tokens belong to an admin). */
const ADMITTED: Record<Policy, readonly CallerName[]> = {
  public: CALLERS,
  "signed-in": ["customerA", "customerB", "agent", "admin", ...TOKENS],
  customer: ["customerA", "customerB"],
  agent: ["agent", "admin", ...TOKENS],
  admin: ["admin", ...TOKENS],
  twilio: ["twilio"],
  "email-webhook": ["mailer"],
  visitor: ["visitor"],
};

/** What a token's scope must be for a route: tokens never manage tokens; admin routes need admin; reads need read. */
function tokenMay(scope: string, path: string, method: string, policy: Policy): boolean {
  if (path.startsWith("/api/tokens") || path.startsWith("/api/sessions") || path.startsWith("/api/me/2fa"))
    return false;
  if (policy === "public") return true;
  if (policy === "admin") return scope === "admin";
  if (path.startsWith("/api/customers")) return scope === (method === "GET" ? "customers:read" : "customers:write");
  return method === "GET" ? scope === "conversations:read" : scope === "conversations:write";
}

const DENIED_CODES = new Set([
  "unauthenticated",
  "forbidden",
  "insufficient_scope",
  "session_required",
  "missing_signature",
  "invalid_signature",
  "missing_secret",
  "invalid_secret",
  "invalid_token",
  "invalid_visitor_token",
]);

type Expectation = "ok" | "denied" | "hidden";

function expectation(path: string, method: string, policy: Policy, caller: CallerName): Expectation {
  const admitted =
    ADMITTED[policy].includes(caller) &&
    (!caller.startsWith("token:") || tokenMay(caller.slice(6), path, method, policy));
  if (!admitted) return "denied";
  // Customer B asking for customer A's conversation (or its attachment) must not learn it exists.
  if (
    caller === "customerB" &&
    (path.startsWith("/api/portal/conversations/{id}") || path === "/api/attachments/{key}")
  )
    return "hidden";
  return "ok";
}

const cells = API_ROUTES.filter((r) => r.path !== "/api/auth/{nextauth}")
  .flatMap((r) =>
    Object.entries(r.methods)
      .filter((e): e is [string, RouteHandler] => !!e[1])
      .map(([method, handler]) => ({ path: r.path, method, handler })),
  )
  // reads first, removals last, so a caller's DELETE doesn't take the fixture from its later cells
  .sort(
    (a, b) =>
      ["GET", "POST", "PUT", "PATCH", "DELETE"].indexOf(a.method) -
      ["GET", "POST", "PUT", "PATCH", "DELETE"].indexOf(b.method),
  );

async function fixtures() {
  const a = await createCustomerUser("Ann");
  const b = await createCustomerUser("Bob");
  const agent = await createAgent();
  const admin = await createAgent({ role: "admin" });
  const webhook = await createWebhook(
    db(),
    { url: "http://127.0.0.1:9/hooks", events: ["conversation.created"] },
    admin.id,
    process.env.NEXTAUTH_SECRET!,
  );
  const conversation = await ingest(db(), {
    channel: "portal",
    from: { customerId: a.customer.id },
    subject: "Ann's",
    body: "mine",
  });
  const annEmail = (await db().identity.findFirstOrThrow({ where: { customerId: a.customer.id } })).value;
  await acceptRawEmail(
    db(),
    blobStore(),
    Buffer.from(
      `From: Ann <${annEmail}>\r\nTo: support@omnidesk.localhost\r\nSubject: [#${conversation.conversationId}] file\r\nMessage-ID: <matrix-${Date.now()}@x>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee file\r\n--b\r\nContent-Type: text/plain; name=a.txt\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\nhello\r\n--b--\r\n`,
    ),
    { source: "webhook" },
  );
  await drainJobs(db(), inboundHandlers);
  await fanOutEvents(db());
  const delivery = await db().webhookDelivery.findFirstOrThrow();
  const emailMessage = await db().message.findFirstOrThrow({
    where: { channel: "email" },
    include: { attachments: true },
  });
  const adminAccount = (await findAccount(db(), admin.id))!;
  const tokens = Object.fromEntries(
    await Promise.all(
      TOKEN_SCOPES.map(
        async (s) => [s, (await createToken(db(), adminAccount, { name: s, scopes: [s] })).token] as const,
      ),
    ),
  );
  const mailbox = await createMailbox(
    db(),
    { name: "m", host: "imap.example.com", username: "u", password: "p" },
    admin.id,
    process.env.NEXTAUTH_SECRET!,
  );
  // A solved conversation with surveys on: the survey link in the message it sent carries the token.
  await saveAutomation(db(), { csat: { ...DEFAULT_AUTOMATION.csat, enabled: true } }, admin.id);
  const surveyed = await ingest(db(), { channel: "portal", from: { customerId: b.customer.id }, body: "survey me" });
  await updateConversation(db(), surveyed.conversationId, admin.id, { status: "solved" });
  const surveyMessage = await db().message.findFirstOrThrow({
    where: { conversationId: surveyed.conversationId, automated: true },
  });
  const surveyToken = /\/csat\/(\S+)$/.exec(surveyMessage.body)![1]!;
  const site = await createChatSite(db(), { name: "Shop", allowedOrigins: ["https://shop.example.com"] }, admin.id);
  const visitor = { siteKey: site.key, visitorId: newVisitorId() };
  const visitorToken = issueVisitorToken(visitor, process.env.NEXTAUTH_SECRET!);
  // An image in the matrix visitor's own chat
  const visitorImage = await postVisitorImage(
    db(),
    blobStore(),
    visitor,
    Buffer.from(
      "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
      "hex",
    ),
  );
  const imageKey = (await db().attachment.findFirstOrThrow({ where: { messageId: visitorImage.id } })).storageKey;
  // An inbound SMS that could not be ingested after every retry.
  const failedJob = await db().outboxJob.create({
    data: { kind: "inbound.sms", payload: JSON.stringify(inboundSms()), status: "failed", lastError: "matrix" },
  });
  const canned = await createCannedReply(db(), admin.id, { title: "Hi", shortcut: "hi", body: "Hello" });
  const view = await createSavedView(db(), admin.id, { name: "matrix", filters: { channel: "sms" } });
  const agentToken = await createToken(db(), (await findAccount(db(), agent.id))!, {
    name: "agent's",
    scopes: ["conversations:read"],
  });
  return {
    cookies: {
      customerA: await sessionCookie(a.user.id),
      customerB: await sessionCookie(b.user.id),
      agent: await sessionCookie(agent.id),
      admin: await sessionCookie(admin.id),
    } as Record<string, string>,
    tokens: tokens as Record<string, string>,
    visitorToken,
    params: {
      siteKey: site.key,
      siteId: site.id,
      id: String(conversation.conversationId),
      key: emailMessage.attachments[0]!.storageKey,
      messageId: emailMessage.id,
      tokenId: agentToken.view.id,
      mailboxId: mailbox.id,
      webhookId: webhook.id,
      deliveryId: delivery.id,
      surveyToken,
      imageKey,
      failedJobId: failedJob.id,
      customerId: b.customer.id,
      identityId: (await db().identity.findFirstOrThrow({ where: { customerId: b.customer.id } })).id,
      viewId: view.id,
      cannedId: canned.id,
      sharedCannedId: (
        await createCannedReply(db(), admin.id, { title: "All", shortcut: "all", body: "Hi", shared: true })
      ).id,
    },
  };
}

type Fixtures = Awaited<ReturnType<typeof fixtures>>;

function paramsFor(path: string, f: Fixtures): Record<string, string> | undefined {
  if (path === "/api/conversations/{id}/canned-replies/{replyId}")
    return { id: f.params.id, replyId: f.params.sharedCannedId };
  if (path.startsWith("/api/conversations/{id}") || path.startsWith("/api/portal/conversations/{id}"))
    return { id: f.params.id };
  if (path === "/api/canned-replies/{id}") return { id: f.params.cannedId };
  if (path === "/api/attachments/{key}") return { key: f.params.key };
  if (path === "/api/messages/{id}/raw") return { id: f.params.messageId };
  if (path === "/api/tokens/{id}") return { id: f.params.tokenId };
  if (path === "/api/sessions/{id}") return { id: "no-such-session" };
  if (path === "/api/admin/mailboxes/{id}") return { id: f.params.mailboxId };
  if (path === "/api/admin/webhooks/deliveries/{id}/replay") return { id: f.params.deliveryId };
  if (path.startsWith("/api/admin/webhooks/{id}")) return { id: f.params.webhookId };
  if (path === "/api/admin/chat-sites/{id}") return { id: f.params.siteId };
  if (path === "/api/csat/{token}") return { token: f.params.surveyToken };
  if (path === "/api/widget/attachments/{key}") return { key: f.params.imageKey };
  if (path.startsWith("/api/inbound/failed/{id}")) return { id: f.params.failedJobId };
  if (path.startsWith("/api/customers/{id}")) return { id: f.params.customerId, identityId: f.params.identityId };
  if (path === "/api/views/{id}") return { id: f.params.viewId };
  return undefined;
}

/** Twilio's form body for each webhook (valid enough to get past parsing when signed). */
function twilioForm(path: string): { url: string; params: Record<string, string> } {
  const callBase = { CallSid: sid("CA"), From: "+14155550177", To: "+15005550006" };
  switch (path) {
    case "/api/twilio/sms":
      return { url: path, params: inboundSms() };
    case "/api/twilio/sms/status":
      return { url: `${path}?m=nope`, params: { MessageSid: sid("SM"), MessageStatus: "delivered" } };
    case "/api/twilio/voice/menu":
      return { url: `${path}?n=1&at=main`, params: { ...callBase, Digits: "9" } };
    case "/api/twilio/voice/wait":
      return { url: `${path}?queue=support`, params: { CallSid: callBase.CallSid, QueuePosition: "1" } };
    case "/api/twilio/voice/recording":
      return {
        url: path,
        params: {
          ...callBase,
          RecordingSid: sid("RE"),
          RecordingUrl: "https://api.twilio.com/r",
          RecordingDuration: "3",
        },
      };
    case "/api/twilio/voice/transcription":
      return {
        url: path,
        params: { CallSid: callBase.CallSid, RecordingSid: sid("RE"), TranscriptionStatus: "failed" },
      };
    case "/api/twilio/voice/status":
      return { url: path, params: { ...callBase, CallStatus: "completed", CallDuration: "1" } };
    default:
      return { url: path, params: callBase };
  }
}

/** A body each write accepts, so an admitted caller's cell must succeed outright (2xx), not merely pass the gate. */
function validBody(route: string): unknown {
  const bodies: Record<string, unknown> = {
    "POST /api/portal/conversations/{id}/messages": { body: "matrix reply" },
    "POST /api/portal/conversations": { subject: "matrix", body: "matrix" },
    "POST /api/conversations/{id}/messages": { body: "matrix note", internal: true },
    "PATCH /api/conversations/{id}": { priority: "high" },
    "POST /api/tokens": { name: "matrix", scopes: ["conversations:read"] },
    "POST /api/admin/mailboxes": { name: "n", host: "imap.example.com", username: "u", password: "p" },
    "PATCH /api/admin/mailboxes/{id}": { enabled: false },
    "PUT /api/admin/ivr": { config: DEFAULT_IVR },
    "POST /api/admin/ivr/simulate": { url: "/api/twilio/voice", params: { CallSid: sid("CA"), From: "+14155550177" } },
    "POST /api/widget/messages": { body: "matrix chat" },
    "POST /api/widget/typing": { typing: true },
    "POST /api/conversations/{id}/activity": { viewing: true, typing: false },
    "PUT /api/me/presence": { status: "away" },
    "POST /api/widget/session": { siteKey: "(the fixture site)", host: "https://shop.example.com/page" },
    "POST /api/admin/chat-sites": { name: "m", allowedOrigins: ["https://m.example.com"] },
    "POST /api/csat/{token}": { rating: 4, comment: "matrix" },
    "POST /api/portal/signup": {
      name: "New",
      email: `new-${sid("x")}@example.com`,
      password: "a long enough password",
    },
  };
  return bodies[route];
}

function request(cell: (typeof cells)[number], caller: CallerName, f: Fixtures): CallOptions {
  const params = paramsFor(cell.path, f);
  const concretePath =
    cell.path.replace(/\{(\w+)\}/g, (_, k: string) => params?.[k] ?? k) +
    (cell.path === "/api/reports/export" ? "?table=agents" : cell.path === "/api/customers" ? "?q=Ann" : "");
  const policy = cell.handler.policy;
  if (policy === "twilio") {
    const form = twilioForm(concretePath);
    const signed = signedTwilioPost(form.url, form.params, caller === "twilio" ? {} : { signature: null });
    return { ...signed, method: cell.method, params };
  }
  const headers: Record<string, string> = {};
  if (caller === "mailer") headers["x-webhook-secret"] = "integration-email-webhook-secret";
  if (caller.startsWith("token:")) headers.authorization = `Bearer ${f.tokens[caller.slice(6)]}`;
  if (caller === "visitor") headers.authorization = `Visitor ${f.visitorToken}`;
  let body =
    cell.method === "GET" || cell.method === "DELETE"
      ? undefined
      : policy === "email-webhook"
        ? "From: a@example.com\r\nSubject: x\r\nMessage-ID: <m@x>\r\n\r\nhi\r\n"
        : (validBody(`${cell.method} ${cell.path}`) ?? {});
  if (cell.path === "/api/widget/session") body = { ...(body as object), siteKey: f.params.siteKey };
  return { method: cell.method, path: concretePath, cookie: f.cookies[caller], headers, params, body };
}

describe("authorisation matrix", () => {
  it("covers every route and method", () => {
    expect(cells.length).toBeGreaterThanOrEqual(30);
    console.log(
      `authorisation matrix: ${cells.length} route methods × ${CALLERS.length} callers = ${cells.length * CALLERS.length} cells`,
    );
  });

  it.each(CALLERS)("as %s, every route answers as its policy says", async (caller) => {
    const f = await fixtures();
    const wrong: string[] = [];
    for (const cell of cells) {
      const want = expectation(cell.path, cell.method, cell.handler.policy, caller);
      const res = await call(cell.handler, request(cell, caller, f));
      const code = res.json?.error?.code as string | undefined;
      const denied = (res.status === 401 || res.status === 403 || res.status === 400) && DENIED_CODES.has(code ?? "");
      const ok =
        res.status < 500 &&
        !denied &&
        (want !== "ok" ||
          (cell.method !== "GET" && validBody(`${cell.method} ${cell.path}`) === undefined) ||
          (res.status >= 200 && res.status < 300)) &&
        (want !== "hidden" || res.status === 404);
      const fine = want === "denied" ? denied : ok;
      if (!fine) wrong.push(`${cell.method} ${cell.path}: expected ${want}, got ${res.status} ${code ?? ""}`);
    }
    expect(wrong).toEqual([]);
  });
});
