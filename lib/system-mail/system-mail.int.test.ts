import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { drainJobs } from "@/lib/jobs/job-runner";
import { enqueueSystemMail, mailSender, systemMailHandlers } from "./system-mail";

const secret = process.env.NEXTAUTH_SECRET!;
const from = { fromAddress: "support@desk.example.test", fromName: "Desk" };
const mail = { to: "pat@example.com", subject: "Reset", text: "Link: https://desk.example.test/reset?token=abc" };

let server: SMTPServer | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(resolve) : resolve()));
  server = undefined;
});

/** A real SMTP server on loopback that answers DATA with `code`. */
async function smtpSink(code = 250) {
  const received: string[] = [];
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, _s, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (code >= 400) return cb(Object.assign(new Error("mailbox unavailable"), { responseCode: code }));
        received.push(Buffer.concat(chunks).toString("utf8"));
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const port = (server!.server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, received };
}

describe("the helpdesk's own mail", () => {
  it("goes out over SMTP from the outbox", async () => {
    const sink = await smtpSink();
    await db().$transaction((tx) => enqueueSystemMail(tx, mail, secret));
    const sender = mailSender({ ...from, smtpUrl: sink.url, pickupDir: "unused" });
    expect(await drainJobs(db(), systemMailHandlers(sender, secret))).toMatchObject({ processed: 1, failed: 0 });
    const parsed = await simpleParser(sink.received[0]!);
    expect(parsed.to).toMatchObject({ text: "pat@example.com" });
    expect(parsed.from?.value).toEqual([{ name: "Desk", address: "support@desk.example.test" }]);
    expect(parsed.text?.trim()).toBe(mail.text);
  });

  it("a permanent SMTP refusal fails the job at once, keeping it with the reason", async () => {
    const sink = await smtpSink(550);
    await db().$transaction((tx) => enqueueSystemMail(tx, mail, secret));
    const sender = mailSender({ ...from, smtpUrl: sink.url, pickupDir: "unused" });
    expect(await drainJobs(db(), systemMailHandlers(sender, secret))).toMatchObject({ failed: 1 });
    const job = await db().outboxJob.findFirstOrThrow({ where: { kind: "mail" } });
    expect(job.status).toBe("failed");
    expect(job.lastError).toContain("550");
  });

  it("without SMTP, is written to the pickup directory as .eml", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "omnidesk-mail-"));
    await db().$transaction((tx) => enqueueSystemMail(tx, mail, secret));
    await drainJobs(db(), systemMailHandlers(mailSender({ ...from, pickupDir: dir }), secret));
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const parsed = await simpleParser(readFileSync(path.join(dir, files[0]!)));
    expect(parsed.subject).toBe("Reset");
    expect(parsed.text?.trim()).toBe(mail.text);
  });
});
