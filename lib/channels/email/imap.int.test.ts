import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as mailboxesRoute from "@/app/api/admin/mailboxes/route";
import * as mailboxRoute from "@/app/api/admin/mailboxes/[id]/route";
import { db } from "@/lib/db/client";
import { drainJobs } from "@/lib/jobs/job-runner";
import { inboundHandlers } from "@/lib/runtime/inbound-handlers";
import { blobStore } from "@/lib/storage/store";
import { call, createAgent, sessionCookie } from "@/tests/helpers/factories";
import { type Dovecot, startDovecot } from "@/tests/helpers/dovecot";
import { MailboxSync } from "./imap-sync";
import { createMailbox } from "./mailboxes";

const SECRET = process.env.NEXTAUTH_SECRET!;
let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
}, 30_000);
afterAll(async () => {
  await dovecot?.stop();
});

async function deliver(n: number) {
  const client = new ImapFlow({
    host: "127.0.0.1",
    port: dovecot.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  await client.connect();
  await client.append(
    "INBOX",
    `From: Iris <iris@example.com>\r\nTo: support@omnidesk.localhost\r\nSubject: IMAP mail ${n}\r\nMessage-ID: <imap-${n}-${Date.now()}@example.com>\r\n\r\nBody ${n}\r\n`,
  );
  await client.logout();
}

async function until(check: () => Promise<boolean>, what: string, ms = 15_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const queued = () => db().outboxJob.count({ where: { kind: "inbound.email" } });

describe("IMAP mailboxes", () => {
  it("fetches what is there, then new mail as it arrives (IDLE), and carries on after the server restarts", async () => {
    const admin = await createAgent({ role: "admin" });
    const mailbox = await createMailbox(
      db(),
      {
        name: "Support",
        host: "127.0.0.1",
        port: dovecot.port,
        secure: false,
        username: dovecot.user,
        password: dovecot.password,
      },
      admin.id,
      SECRET,
    );
    await deliver(1);
    const sync = new MailboxSync(db(), blobStore(), mailbox.id, { secret: SECRET, backoffMs: 200, maxBackoffMs: 500 });
    const running = sync.run();
    try {
      await until(async () => (await queued()) === 1, "the first mail");
      await drainJobs(db(), inboundHandlers);
      expect((await db().conversation.findFirstOrThrow()).subject).toBe("IMAP mail 1");

      await deliver(2);
      await until(async () => (await queued()) === 2, "mail delivered while idling");

      await dovecot.stop();
      await until(
        async () => !!(await db().mailbox.findUniqueOrThrow({ where: { id: mailbox.id } })).lastError,
        "the error to show",
      );
      await dovecot.start();
      await deliver(3);
      await until(async () => (await queued()) === 3, "mail after the restart");
      await until(
        async () => !(await db().mailbox.findUniqueOrThrow({ where: { id: mailbox.id } })).lastError,
        "health to recover",
      );
      await drainJobs(db(), inboundHandlers);
      expect((await db().message.findMany({ orderBy: { createdAt: "asc" } })).map((m) => m.body)).toEqual([
        "Body 1",
        "Body 2",
        "Body 3",
      ]);
      expect(await db().mailbox.findUniqueOrThrow({ where: { id: mailbox.id } })).toMatchObject({ lastUid: 3 });
    } finally {
      await sync.stop();
      await running;
    }
    // a second sync of the same mailbox starts after the last UID: nothing is fetched twice
    const again = new MailboxSync(db(), blobStore(), mailbox.id, { secret: SECRET });
    const second = again.run();
    await until(
      async () => !!(await db().mailbox.findUniqueOrThrow({ where: { id: mailbox.id } })).lastSyncAt,
      "a sync",
    );
    await new Promise((r) => setTimeout(r, 300));
    await again.stop();
    await second;
    expect(await queued()).toBe(3);
  }, 60_000);

  it("a wrong password is shown on the mailbox, not swallowed", async () => {
    const admin = await createAgent({ role: "admin" });
    const mailbox = await createMailbox(
      db(),
      { name: "Typo", host: "127.0.0.1", port: dovecot.port, secure: false, username: dovecot.user, password: "wrong" },
      admin.id,
      SECRET,
    );
    const sync = new MailboxSync(db(), blobStore(), mailbox.id, { secret: SECRET, backoffMs: 5_000 });
    const running = sync.run();
    await until(
      async () => !!(await db().mailbox.findUniqueOrThrow({ where: { id: mailbox.id } })).lastError,
      "the error",
    );
    await sync.stop();
    await running;
    const view = await call(mailboxesRoute.GET, { cookie: await sessionCookie(admin.id) });
    expect(view.json.mailboxes[0]).toMatchObject({
      name: "Typo",
      lastError: expect.stringMatching(/auth|credentials|fail/i),
    });
  }, 30_000);

  it("admins add, pause and remove mailboxes; the password never comes back", async () => {
    const admin = await createAgent({ role: "admin" });
    const cookie = await sessionCookie(admin.id);
    const created = await call(mailboxesRoute.POST, {
      method: "POST",
      cookie,
      body: { name: "Sales", host: "imap.example.com", username: "sales@example.com", password: "hunter2-hunter2" },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ port: 993, secure: true, folder: "INBOX", enabled: true });
    expect(created.text).not.toContain("hunter2");
    expect((await db().mailbox.findFirstOrThrow()).passwordEnc).not.toContain("hunter2");
    const paused = await call(mailboxRoute.PATCH, {
      method: "PATCH",
      cookie,
      params: { id: created.json.id },
      body: { enabled: false },
    });
    expect(paused.json.enabled).toBe(false);
    expect(
      (await call(mailboxRoute.DELETE, { method: "DELETE", cookie, params: { id: created.json.id } })).status,
    ).toBe(200);
    expect(await db().mailbox.count()).toBe(0);
    const agent = await createAgent();
    expect((await call(mailboxesRoute.GET, { cookie: await sessionCookie(agent.id) })).status).toBe(403);
    expect(await db().auditEvent.count({ where: { action: { startsWith: "settings.mailbox" } } })).toBe(3);
  });
});
