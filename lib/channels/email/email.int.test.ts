import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import iconv from "iconv-lite";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhook from "@/app/api/email/inbound/route";
import * as attachmentRoute from "@/app/api/attachments/[key]/route";
import { db } from "@/lib/db/client";
import { reply } from "@/lib/conversations/reply";
import { updateConversation } from "@/lib/conversations/update-conversation";
import { drainOutbox } from "@/lib/channels/delivery";
import { drainJobs, type InboundHandlers } from "@/lib/jobs/job-runner";
import { inboundHandlers } from "@/lib/runtime/inbound-handlers";
import { blobStore } from "@/lib/storage/store";
import { call, createAgent, createCustomerUser, sessionCookie } from "@/tests/helpers/factories";
import { startSmtpSink } from "@/tests/helpers/smtp-sink";
import { replyAddress } from "./addresses";
import { acceptRawEmail } from "./accept";
import { receiveEmail, ZInboundEmailJob } from "./inbound";
import { createSmtpReceiver } from "./smtp-receiver";
import { smtpEmailTransport } from "./smtp-transport";

const SECRET = process.env.NEXTAUTH_SECRET!;
const store = blobStore();
const MAX = 200_000;
const handlers: InboundHandlers = {
  ...inboundHandlers,
  "inbound.email": (database, payload, job) =>
    receiveEmail(
      database,
      { store, replySecret: SECRET, maxAttachmentBytes: 50_000 },
      ZInboundEmailJob.parse(payload),
      job.createdAt,
    ),
};
const fixture = (name: string, vars: Record<string, string> = {}) => {
  let text = readFileSync(path.join("tests/fixtures/email", name), "latin1");
  for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, v);
  return Buffer.from(text, "latin1");
};
const ingestRaw = async (raw: Buffer, envelopeTo: string[] = ["support@omnidesk.localhost"]) => {
  await acceptRawEmail(db(), store, raw, { envelopeTo, source: "webhook" });
  await drainJobs(db(), handlers);
};

async function conversationWithOurReply(email = "erin@example.com") {
  await ingestRaw(
    Buffer.from(
      `From: Erin <${email}>\r\nTo: support@omnidesk.localhost\r\nSubject: Your request\r\nMessage-ID: <first-${email}@example.com>\r\n\r\nHelp me\r\n`,
    ),
  );
  const conversation = await db().conversation.findFirstOrThrow({
    where: { customer: { identities: { some: { value: email } } } },
  });
  const agent = await createAgent();
  const { messageId } = await reply(db(), conversation.id, agent.id, {
    body: "Please try turning it off and on again.",
  });
  await db().message.update({ where: { id: messageId }, data: { providerId: `${messageId}@omnidesk.localhost` } });
  return { conversation, ourId: `${messageId}@omnidesk.localhost` };
}

let receiver: SMTPServer;
let client: nodemailer.Transporter;
beforeAll(async () => {
  receiver = createSmtpReceiver({
    mailbox: { addresses: ["support@omnidesk.localhost"], domains: ["help.omnidesk.localhost"] },
    maxBytes: MAX,
    onMessage: (raw, envelope) =>
      acceptRawEmail(db(), store, raw, {
        envelopeTo: envelope.to,
        envelopeFrom: envelope.from,
        peer: envelope.peer,
        source: "smtp",
      }).then(() => undefined),
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.server.address() as AddressInfo;
  client = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
});
afterAll(async () => {
  client.close();
  await new Promise<void>((resolve) => receiver.close(resolve));
});

describe("the SMTP receiver", () => {
  it("takes a real client's mail, answers 250 once it is stored, and the worker makes it a conversation", async () => {
    const info = await client.sendMail({
      from: '"Erin Walsh" <Erin@Example.com>',
      to: "support@omnidesk.localhost",
      subject: "My order never came",
      text: "Order 4411 is two weeks late.",
      html: "<p>Order <b>4411</b> is two weeks late.</p><script>alert(1)</script>",
      attachments: [{ filename: "receipt.txt", content: "paid 42 EUR" }],
    });
    expect(info.response).toMatch(/^250/);
    expect(await db().outboxJob.count({ where: { kind: "inbound.email" } })).toBe(1);
    expect(await drainJobs(db(), handlers)).toEqual({ processed: 1, retried: 0, failed: 0 });
    const conversation = await db().conversation.findFirstOrThrow({
      include: { messages: { include: { attachments: true } }, customer: { include: { identities: true } } },
    });
    expect(conversation).toMatchObject({ channel: "email", subject: "My order never came", status: "new" });
    expect(conversation.customer).toMatchObject({ name: "Erin Walsh" });
    expect(conversation.customer.identities).toEqual([
      expect.objectContaining({ kind: "email", value: "erin@example.com" }),
    ]);
    const [message] = conversation.messages;
    expect(message).toMatchObject({
      body: "Order 4411 is two weeks late.",
      providerId: info.messageId.replace(/[<>]/g, ""),
    });
    expect(message!.bodyHtml).toBe("<p>Order <b>4411</b> is two weeks late.</p>");
    expect(message!.attachments).toEqual([
      expect.objectContaining({ filename: "receipt.txt", contentType: "text/plain", size: 11 }),
    ]);
    expect((await store.get(message!.attachments[0]!.storageKey))!.toString()).toBe("paid 42 EUR");
    expect((await store.get(message!.rawStorageKey!))!.toString()).toContain("Subject: My order never came");
  });

  it("refuses unknown recipients with 550 and oversized mail with 552, storing nothing", async () => {
    await expect(
      client.sendMail({ from: "a@example.com", to: "sales@omnidesk.localhost", subject: "x", text: "x" }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      client.sendMail({
        from: "a@example.com",
        to: "support@omnidesk.localhost",
        subject: "big",
        text: "x",
        attachments: [{ filename: "big.bin", content: Buffer.alloc(MAX + 1000, 7) }],
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect(await db().outboxJob.count()).toBe(0);
    // a +tag of a configured address and any address at a configured domain are ours
    await client.sendMail({ from: "a@example.com", to: "support+c_1_x@omnidesk.localhost", subject: "t", text: "t" });
    await client.sendMail({ from: "a@example.com", to: "billing@help.omnidesk.localhost", subject: "d", text: "d" });
    expect(await db().outboxJob.count()).toBe(2);
  });

  it("refuses a mail with a 25 MB attachment at the default 20 MB limit with 552, before storing anything", async () => {
    const big = createSmtpReceiver({
      mailbox: { addresses: ["support@omnidesk.localhost"], domains: [] },
      maxBytes: 20 * 1024 * 1024,
      onMessage: () => Promise.reject(new Error("must not be called")),
    });
    await new Promise<void>((resolve) => big.listen(0, "127.0.0.1", resolve));
    const sender = nodemailer.createTransport({
      host: "127.0.0.1",
      port: (big.server.address() as AddressInfo).port,
      secure: false,
      ignoreTLS: true,
    });
    try {
      await expect(
        sender.sendMail({
          from: "a@example.com",
          to: "support@omnidesk.localhost",
          subject: "holiday video",
          text: "see attached",
          attachments: [{ filename: "video.mp4", content: Buffer.alloc(25 * 1024 * 1024, 1) }],
        }),
      ).rejects.toMatchObject({ responseCode: 552 });
    } finally {
      sender.close();
      await new Promise<void>((resolve) => big.close(resolve));
    }
  }, 60_000);

  it("stores a message sent twice (same Message-ID) once", async () => {
    const mail = {
      from: "a@example.com",
      to: "support@omnidesk.localhost",
      subject: "dup",
      text: "x",
      messageId: "<dup-1@example.com>",
    };
    await client.sendMail(mail);
    await client.sendMail(mail);
    await drainJobs(db(), handlers);
    expect(await db().message.count()).toBe(1);
  });

  it("takes ten deliveries of one mail at the same moment, answering 250 to each, and stores it once", async () => {
    const mail = {
      from: "burst@example.com",
      to: "support@omnidesk.localhost",
      subject: "sent by a retrying relay",
      text: "same bytes every time",
      messageId: "<burst-1@example.com>",
      date: new Date("2026-11-20T10:00:00Z"),
    };
    const answers = await Promise.allSettled(Array.from({ length: 10 }, () => client.sendMail(mail)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill("fulfilled"));
    await drainJobs(db(), handlers);
    expect(await db().message.count()).toBe(1);
  });
});

describe("threading", () => {
  it("a Gmail reply threads by In-Reply-To into the sender's conversation; its quoted history is kept", async () => {
    const { conversation, ourId } = await conversationWithOurReply();
    await updateConversation(db(), conversation.id, (await createAgent()).id, { status: "solved" });
    await ingestRaw(fixture("gmail-reply.eml", { PARENT: ourId, CONV: String(conversation.id) }));
    const messages = await db().message.findMany({
      where: { conversationId: conversation.id },
      orderBy: { createdAt: "asc" },
    });
    expect(messages.map((m) => m.direction)).toEqual(["inbound", "outbound", "inbound"]);
    expect(messages[2]!.body).toContain("Thanks, that worked!");
    expect(messages[2]!.bodyHtml).toContain("<blockquote>Please try turning it off and on again.</blockquote>");
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } })).status).toBe("open");
  });

  it("an Outlook reply without In-Reply-To threads by the signed reply address; its inline image is served from storage", async () => {
    const { conversation } = await conversationWithOurReply();
    const token = replyAddress("support@omnidesk.localhost", conversation.id, SECRET).split("@")[0]!.split("+")[1]!;
    await ingestRaw(fixture("outlook-reply.eml", { TOKEN: token }));
    const message = await db().message.findFirstOrThrow({
      where: { conversationId: conversation.id, providerId: "AM0PR01MB-outlook-0001@eurprd01.prod.outlook.com" },
      include: { attachments: true },
    });
    const image = message.attachments[0]!;
    expect(image).toMatchObject({ contentType: "image/png", contentId: "image001.png@01DB0000.00000000" });
    expect(message.bodyHtml).toContain(`<img alt="screenshot" src="/api/attachments/${image.storageKey}" />`);
    // the tracking pixel is held back until an agent asks for remote images
    expect(message.bodyHtml).toContain('<img data-remote-src="https://tracker.example.com/pixel.gif" />');
    const agent = await createAgent();
    const served = await call(attachmentRoute.GET, {
      cookie: await sessionCookie(agent.id),
      params: { key: image.storageKey },
    });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("content-disposition")).toMatch(/^inline/);
  });

  it("a different sender who references someone else's thread gets a new conversation, linked — never theirs", async () => {
    const { conversation, ourId } = await conversationWithOurReply("erin@example.com");
    const raw = fixture("gmail-reply.eml", { PARENT: ourId, CONV: String(conversation.id) })
      .toString("latin1")
      .replace("From: Erin Walsh <erin@example.com>", "From: Mallory <mallory@example.com>")
      .replace("CAGmail-reply-0001", "CAGmail-mallory-0001");
    await ingestRaw(Buffer.from(raw, "latin1"));
    expect(await db().message.count({ where: { conversationId: conversation.id } })).toBe(2);
    const mallorys = await db().conversation.findFirstOrThrow({ where: { customer: { name: "Mallory" } } });
    expect(mallorys.id).not.toBe(conversation.id);
    const linked = await db().auditEvent.findFirstOrThrow({ where: { action: "conversation.related" } });
    expect(linked.conversationId).toBe(mallorys.id);
    expect(JSON.parse(linked.data)).toMatchObject({ relatedConversationId: conversation.id });
  });

  it("[#id] in the subject threads only for that conversation's own customer", async () => {
    const { conversation } = await conversationWithOurReply();
    const mail = (from: string, id: string) =>
      Buffer.from(
        `From: ${from}\r\nTo: support@omnidesk.localhost\r\nSubject: About [#${conversation.id}]\r\nMessage-ID: <${id}@x>\r\n\r\nmore\r\n`,
      );
    await ingestRaw(mail("erin@example.com", "s1"));
    await ingestRaw(mail("stranger@example.com", "s2"));
    expect(await db().message.count({ where: { conversationId: conversation.id } })).toBe(3);
    expect(await db().conversation.count()).toBe(2);
  });

  it("an out-of-office reply is stored but does not reopen a solved conversation", async () => {
    const { conversation } = await conversationWithOurReply("olivia@example.com");
    await updateConversation(db(), conversation.id, (await createAgent()).id, { status: "solved" });
    await ingestRaw(fixture("out-of-office.eml", { CONV: String(conversation.id) }));
    const stored = await db().message.findFirstOrThrow({ where: { providerId: "ooo-0001@example.com" } });
    expect(stored).toMatchObject({ automated: true, conversationId: conversation.id });
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } })).status).toBe("solved");
  });

  it("a bounce marks the message we sent as failed, with the reason", async () => {
    const { conversation, ourId } = await conversationWithOurReply();
    await ingestRaw(fixture("bounce.eml", { ORIGINAL: ourId }));
    const ours = await db().message.findFirstOrThrow({ where: { providerId: ourId } });
    expect(ours.deliveryStatus).toBe("failed");
    expect(ours.deliveryError).toContain("550 5.1.1");
    expect(await db().message.count({ where: { conversationId: conversation.id } })).toBe(2);
  });
});

describe("content", () => {
  it("decodes ISO-8859-1 and Shift_JIS bodies and subjects", async () => {
    await ingestRaw(fixture("iso-8859-1.eml"));
    await ingestRaw(fixture("shift-jis.eml"));
    const conversations = await db().conversation.findMany({ include: { messages: true }, orderBy: { id: "asc" } });
    expect(conversations.map((c) => c.subject)).toEqual(["Grüße aus München", "配送について"]);
    expect(conversations[0]!.messages[0]!.body).toBe("Meine Bestellung ist nicht angekommen. Grüße, Hans");
    expect(conversations[1]!.messages[0]!.body).toBe("注文した商品が届きません。確認してください。");
  });

  it("reads 8-bit headers and bodies that declare no charset (GBK subject, Shift_JIS name, ISO-2022-JP body)", async () => {
    const latin1 = (text: string) => Buffer.from(text, "latin1");
    await ingestRaw(
      Buffer.concat([
        latin1("From: wang@example.cn\r\nTo: support@omnidesk.localhost\r\nMessage-ID: <gbk-1@x>\r\nSubject: "),
        iconv.encode("配送问题", "gbk"),
        latin1("\r\nContent-Type: text/plain; charset=gbk\r\n\r\n"),
        iconv.encode("订单没有到", "gbk"),
      ]),
    );
    await ingestRaw(
      Buffer.concat([
        latin1('From: "'),
        iconv.encode("山田 太郎", "shift_jis"),
        latin1('" <taro@example.jp>\r\nTo: support@omnidesk.localhost\r\nMessage-ID: <jis-1@x>\r\nSubject: order\r\n'),
        latin1("Content-Type: text/plain\r\n\r\n\x1b$BCmJ8$7$?>&IJ$,FO$-$^$;$s\x1b(B\r\n"),
      ]),
    );
    const conversations = await db().conversation.findMany({
      include: { messages: true, customer: true },
      orderBy: { id: "asc" },
    });
    expect(conversations.map((c) => [c.subject, c.messages[0]!.body, c.customer.name])).toEqual([
      ["配送问题", "订单没有到", "wang@example.cn"],
      ["order", "注文した商品が届きません", "山田 太郎"],
    ]);
  });

  it("keeps what can be read of broken MIME rather than dropping it", async () => {
    await ingestRaw(fixture("broken-mime.eml"));
    const message = await db().message.findFirstOrThrow();
    expect(message.body).toContain("Hello, this part is fine");
    expect(message.rawStorageKey).toBeTruthy();
  });

  it("removes scripts, event handlers, javascript: links, CSS, SVG, frames and forms from HTML", async () => {
    await ingestRaw(fixture("xss.eml"));
    const html = (await db().message.findFirstOrThrow()).bodyHtml!;
    for (const bad of [
      "<script",
      "onerror",
      "javascript:",
      "expression(",
      "<svg",
      "onload",
      "<iframe",
      "<form",
      "<input",
      "style=",
    ])
      expect(html).not.toContain(bad);
    expect(html).toContain(
      '<a href="https://example.com/ok" target="_blank" rel="noopener noreferrer nofollow">fine link</a>',
    );
  });

  it("lists an attachment over the size limit without storing it", async () => {
    const big = Buffer.alloc(60_000, 1).toString("base64").replace(/.{76}/g, "$&\r\n");
    await ingestRaw(
      Buffer.from(
        `From: a@example.com\r\nTo: support@omnidesk.localhost\r\nSubject: big\r\nMessage-ID: <big@x>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--b\r\nContent-Type: application/zip; name=big.zip\r\nContent-Transfer-Encoding: base64\r\n\r\n${big}\r\n--b--\r\n`,
      ),
    );
    const attachment = await db().attachment.findFirstOrThrow();
    expect(attachment).toMatchObject({ filename: "big.zip", size: 60_000, storageKey: "too-large" });
  });
});

describe("POST /api/email/inbound", () => {
  const post = (body: string | Uint8Array, secret?: string) =>
    call(webhook.POST, {
      method: "POST",
      path: "/api/email/inbound?to=support@omnidesk.localhost",
      headers: { "content-type": "message/rfc822", ...(secret ? { "x-webhook-secret": secret } : {}) },
      body,
    });

  it("needs the shared secret, stores raw MIME (any bytes) once per Message-ID, and answers 202", async () => {
    const raw = fixture("iso-8859-1.eml");
    expect((await post(raw)).status).toBe(401);
    expect((await post(raw, "wrong")).status).toBe(403);
    const ok = await post(raw, "integration-email-webhook-secret");
    expect(ok.status).toBe(202);
    expect(ok.json).toEqual({ accepted: true, duplicate: false });
    expect((await post(raw, "integration-email-webhook-secret")).json).toEqual({ accepted: true, duplicate: true });
    expect((await post("", "integration-email-webhook-secret")).status).toBe(400);
    await drainJobs(db(), handlers);
    expect(await db().message.count()).toBe(1);
  });

  it("answers ten identical posts at the same moment with 202 each, and stores the mail once", async () => {
    const raw = fixture("iso-8859-1.eml");
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(raw, "integration-email-webhook-secret")));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(202));
    await drainJobs(db(), handlers);
    expect(await db().message.count()).toBe(1);
  });
});

describe("outbound email", () => {
  it("sends replies over SMTP with our Message-ID, the thread's headers and a signed Reply-To; 5xx fails for good, 4xx retries", async () => {
    const sink = await startSmtpSink();
    const { received } = sink;
    try {
      const { user: _u, customer } = await createCustomerUser("Erin");
      const email = (await db().identity.findFirstOrThrow({ where: { customerId: customer.id } })).value;
      await ingestRaw(
        Buffer.from(
          `From: Erin <${email}>\r\nTo: support@omnidesk.localhost\r\nSubject: Broken kettle\r\nMessage-ID: <kettle-1@example.com>\r\n\r\nIt leaks.\r\n`,
        ),
      );
      const conversation = await db().conversation.findFirstOrThrow();
      const agent = await createAgent();
      const transports = {
        email: smtpEmailTransport(db(), {
          smtpUrl: sink.url,
          fromAddress: "support@omnidesk.localhost",
          fromName: "Omnidesk Support",
          replySecret: SECRET,
        }),
      };
      const { messageId } = await reply(db(), conversation.id, agent.id, {
        body: "Sorry!\n\nA new one is on its way.",
      });
      expect(await drainOutbox(db(), { transports })).toEqual({ delivered: 1, retried: 0, failed: 0 });
      const mail = await simpleParser(received[0]!.raw);
      expect(received[0]!.to).toEqual([email]);
      expect(mail.messageId).toBe(`<${messageId}@omnidesk.localhost>`);
      expect(mail.inReplyTo).toBe("<kettle-1@example.com>");
      expect(mail.subject).toBe(`Re: Broken kettle [#${conversation.id}]`);
      expect(mail.replyTo?.text).toBe(replyAddress("support@omnidesk.localhost", conversation.id, SECRET));
      expect(mail.text?.trim()).toBe("Sorry!\n\nA new one is on its way.");
      expect(mail.html).toContain("<p>Sorry!</p>");
      expect((await db().message.findUniqueOrThrow({ where: { id: messageId } })).providerId).toBe(
        `${messageId}@omnidesk.localhost`,
      );

      sink.refuse = { code: 451, text: "4.7.1 try later" };
      const second = await reply(db(), conversation.id, agent.id, { body: "Another" });
      expect(await drainOutbox(db(), { transports })).toEqual({ delivered: 0, retried: 1, failed: 0 });
      sink.refuse = { code: 550, text: "5.1.1 mailbox unavailable" };
      const third = await reply(db(), conversation.id, agent.id, { body: "And another" });
      const later = () => new Date(Date.now() + 3_600_000);
      await drainOutbox(db(), { transports, now: later });
      expect((await db().message.findUniqueOrThrow({ where: { id: third.messageId } })).deliveryStatus).toBe("failed");
      expect((await db().message.findUniqueOrThrow({ where: { id: second.messageId } })).deliveryError).toContain(
        "550",
      );
    } finally {
      await sink.close();
    }
  });
});

describe("real-world mail that used to be accepted, then lost", () => {
  const mime = (headers: string, body = "Hello there") =>
    Buffer.from(`${headers.trim().replace(/\n/g, "\r\n")}\r\nSubject: Help\r\n\r\n${body}\r\n`, "utf8");
  const identities = () => db().identity.findMany({ include: { customer: true }, orderBy: { value: "asc" } });

  it("keeps mail whose From is not an address: answered by the envelope sender, else shown by the From header's words", async () => {
    await client.sendMail({
      envelope: { from: "bounces+42@example.net", to: ["support@omnidesk.localhost"] },
      raw: mime('From: "Broken Sender" <a.@example.com>\nTo: support@omnidesk.localhost\nMessage-ID: <bad-from-1@x>'),
    });
    await ingestRaw(mime("From: user@host\nTo: support@omnidesk.localhost\nMessage-ID: <bad-from-2@x>"));
    await ingestRaw(mime('From: "john smith"@example.com\nTo: support@omnidesk.localhost\nMessage-ID: <bad-from-3@x>'));
    await drainJobs(db(), handlers);
    expect(await db().message.count()).toBe(3);
    expect(await db().outboxJob.count({ where: { status: "failed" } })).toBe(0);
    const ids = await identities();
    expect(ids.find((i) => i.kind === "email")).toMatchObject({
      value: "bounces+42@example.net",
      customer: { name: "Broken Sender" },
    });
    const withheld = ids.filter((i) => i.kind === "withheld").map((i) => i.customer.name);
    expect(withheld.sort()).toEqual(['"john smith"@example.com', "user@host"]);
  });

  it("stores a 300-character sender name, NUL bytes and a 600-character Message-ID, and a replay once", async () => {
    const longId = `<${"x".repeat(600)}@example.com>`;
    const raw = mime(
      `From: "${"N".repeat(300)}" <nul@example.com>\nTo: support@omnidesk.localhost\nMessage-ID: ${longId}`,
      "before\0after",
    );
    await ingestRaw(raw);
    await ingestRaw(raw);
    const message = await db().message.findFirstOrThrow({ include: { conversation: { include: { customer: true } } } });
    expect(await db().message.count()).toBe(1);
    expect(message.body).toBe("beforeafter");
    expect(message.conversation.customer.name).toBe("N".repeat(200));
    expect(message.providerId).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("keeps a mail with a 2 MB header, dropping the header it cannot read", async () => {
    await ingestRaw(
      mime(
        `From: big@example.com\nTo: support@omnidesk.localhost\nMessage-ID: <big-header@x>\nX-Junk: ${"j".repeat(2_000_000)}`,
        "Still readable",
      ),
    );
    expect((await db().message.findFirstOrThrow()).body).toBe("Still readable");
  });

  it("stores a different sender's mail that reuses a Message-ID; each one's replay is stored once", async () => {
    const from = (who: string) =>
      mime(`From: ${who}\nTo: support@omnidesk.localhost\nMessage-ID: <reused@generator.example>`, `from ${who}`);
    for (const raw of [
      from("ann@example.com"),
      from("bob@example.com"),
      from("ann@example.com"),
      from("bob@example.com"),
    ])
      await ingestRaw(raw);
    const bodies = (await db().message.findMany({ orderBy: { createdAt: "asc" } })).map((m) => m.body);
    expect(bodies).toEqual(["from ann@example.com", "from bob@example.com"]);
  });

  it("reads a delayed delivery report as a note, and only a failed one as a bounce", async () => {
    const { conversation, ourId } = await conversationWithOurReply("dana@example.com");
    const delayed = fixture("bounce.eml", { ORIGINAL: ourId })
      .toString("latin1")
      .replace("Action: failed", "Action: delayed")
      .replace("Status: 5.1.1", "Status: 4.4.1")
      .replace("Diagnostic-Code: smtp; 550 5.1.1", "Diagnostic-Code: smtp; 451 4.4.1")
      .replace("<dsn-0001@mx.example.com>", "<dsn-0002@mx.example.com>");
    await ingestRaw(Buffer.from(delayed, "latin1"));
    const ours = await db().message.findFirstOrThrow({ where: { providerId: ourId } });
    expect(ours.deliveryStatus).not.toBe("failed");
    const note = await db().auditEvent.findFirstOrThrow({ where: { action: "message.delivery_note" } });
    expect(note.data).toContain("delivery delayed (4.4.1");
    expect(await db().message.count({ where: { conversationId: conversation.id } })).toBe(2);
    await ingestRaw(fixture("bounce.eml", { ORIGINAL: ourId }));
    expect((await db().message.findFirstOrThrow({ where: { providerId: ourId } })).deliveryStatus).toBe("failed");
  });

  it("keeps the envelope sender and the receiving hop in the original, as an MTA does", async () => {
    await client.sendMail({
      envelope: { from: "real-sender@example.net", to: ["support@omnidesk.localhost"] },
      raw: mime("From: ceo@example.com\nTo: support@omnidesk.localhost\nMessage-ID: <spoofed@x>"),
    });
    await drainJobs(db(), handlers);
    const { rawStorageKey } = await db().message.findFirstOrThrow();
    const original = (await store.get(rawStorageKey!))!.toString("latin1");
    expect(original).toMatch(
      /^Return-Path: <real-sender@example\.net>\r\nReceived: from \S+ \(\[[^\]]+\]\)\r\n\tby .+ with ESMTP; /,
    );
    expect(original).toContain("From: ceo@example.com");
  });
});

describe("a stalled SMTP server", () => {
  it("that takes a reply's DATA and never answers is given up on, and two workers send the reply once", async () => {
    const dataReceived: number[] = [];
    const stalled = new SMTPServer({
      closeTimeout: 200,
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream) {
        stream.on("data", () => undefined);
        // The whole message arrives; the 250 never comes (a relay stuck on its disk or its queue).
        stream.on("end", () => dataReceived.push(Date.now()));
      },
    });
    await new Promise<void>((resolve) => stalled.listen(0, "127.0.0.1", resolve));
    const { port } = stalled.server.address() as AddressInfo;
    try {
      const { conversation } = await conversationWithOurReply("stall@example.com");
      // conversationWithOurReply's reply was marked as sent; this one is queued for the worker.
      const agent = await createAgent();
      const { messageId } = await reply(db(), conversation.id, agent.id, { body: "Anyone there?" });
      const transports = {
        email: smtpEmailTransport(db(), {
          smtpUrl: `smtp://127.0.0.1:${port}`,
          fromAddress: "support@omnidesk.localhost",
          fromName: "Support",
          replySecret: SECRET,
          timeouts: { connectionMs: 1_000, greetingMs: 1_000, socketMs: 1_500 },
        }),
      };
      await db().outboxJob.updateMany({ where: { messageId: { not: messageId } }, data: { status: "done" } });
      // Two instances drain at once, with a lease far shorter than the stall.
      const [a, b] = await Promise.all([
        drainOutbox(db(), { transports, leaseMs: 300 }),
        new Promise((resolve) => setTimeout(resolve, 900)).then(() => drainOutbox(db(), { transports, leaseMs: 300 })),
      ]);
      expect(dataReceived).toHaveLength(1);
      expect([a, b]).toEqual([
        { delivered: 0, retried: 1, failed: 0 },
        { delivered: 0, retried: 0, failed: 0 },
      ]);
      const job = await db().outboxJob.findFirstOrThrow({ where: { messageId } });
      expect(job).toMatchObject({ status: "pending", attempts: 1 });
      expect(job.lastError).toMatch(/timeout/i);
    } finally {
      await new Promise<void>((resolve) => stalled.close(resolve));
    }
  });
});
