import { describe, expect, it } from "vitest";
import * as passwordResetRoute from "@/app/api/account/password-reset/route";
import * as confirmRoute from "@/app/api/account/password-reset/confirm/route";
import * as signInLinkRoute from "@/app/api/account/sign-in-link/route";
import { db } from "@/lib/db/client";
import { type SystemMail, systemMailHandlers } from "@/lib/system-mail/system-mail";
import { drainJobs } from "@/lib/jobs/job-runner";
import { lockedUntil, MAX_FAILURES } from "@/lib/users/sign-in-guard";
import { call, createAgent, createCustomerUser } from "@/tests/helpers/factories";
import { passwordSignIn } from "@/tests/helpers/sign-in";
import { LINKS_PER_WINDOW, requestPasswordReset, signInWithLink } from "./email-links";
import { linkContext } from "./link-context";

/** Runs the queued mail jobs and returns what they sent. */
async function sentMail(): Promise<SystemMail[]> {
  const sent: SystemMail[] = [];
  const result = await drainJobs(
    db(),
    systemMailHandlers({ send: async (m) => void sent.push(m) }, process.env.NEXTAUTH_SECRET!),
  );
  expect(result.failed).toBe(0);
  return sent;
}

const tokenIn = (mail: SystemMail) => /token=([\w-]+)/.exec(mail.text)?.[1] ?? "";

const requestReset = (email: string) => call(passwordResetRoute.POST, { method: "POST", body: { email } });
const confirm = (token: string, password: string) =>
  call(confirmRoute.POST, { method: "POST", body: { token, password } });
const requestLink = (email: string, callbackUrl?: string) =>
  call(signInLinkRoute.POST, { method: "POST", body: { email, ...(callbackUrl ? { callbackUrl } : {}) } });

describe("password reset by email", () => {
  it("mails a one-time link; the new password works, the old one and every session end, and the lockout lifts", async () => {
    const agent = await createAgent({ password: "old-password-123" });
    const session = await db().userSession.create({ data: { userId: agent.id } });
    for (let i = 0; i < MAX_FAILURES; i++) {
      await db().signInAttempt.create({ data: { email: agent.email, ip: "198.51.100.9", succeeded: false } });
    }
    expect(await lockedUntil(db(), agent.email)).not.toBeNull();

    const res = await requestReset(agent.email.toUpperCase());
    expect(res.status).toBe(202);
    // The link is sealed while it waits in the outbox.
    const job = await db().outboxJob.findFirstOrThrow({ where: { kind: "mail" } });
    expect(job.payload).not.toContain("token=");
    const [mail] = await sentMail();
    expect(mail?.to).toBe(agent.email);
    expect(mail?.text).toContain("http://localhost:3000/reset-password?token=");

    expect((await confirm(tokenIn(mail!), "short")).json.error.code).toBe("invalid_password");
    const done = await confirm(tokenIn(mail!), "brand-new-password-456");
    expect(done.status).toBe(200);
    expect(done.json.email).toBe(agent.email);

    const signIn = passwordSignIn();
    expect(await signIn(agent.email, "old-password-123")).toBeNull();
    expect(await signIn(agent.email, "brand-new-password-456")).toMatchObject({ id: agent.id });
    expect((await db().userSession.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).not.toBeNull();
    // The link worked once.
    const again = await confirm(tokenIn(mail!), "another-password-789");
    expect(again.status).toBe(400);
    expect(again.json.error.code).toBe("link_invalid");
    const audit = await db().auditEvent.findMany({ where: { action: { startsWith: "auth.password_reset" } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["auth.password_reset", "auth.password_reset_requested"]);
  });

  it("answers the same for unknown addresses and SSO-only staff, and sends them nothing", async () => {
    const agent = await createAgent({ password: "old-password-123" });
    const unknown = await requestReset("nobody@example.test");
    expect(unknown.status).toBe(202);
    const known = await requestReset(agent.email);
    expect(known.json).toEqual(unknown.json);
    expect(await sentMail()).toHaveLength(1);

    // With SSO required for staff, an agent's password cannot be reset either.
    await requestPasswordReset(db(), agent.email, { ...linkContext(), passwordSignIn: "customers" });
    expect(await sentMail()).toHaveLength(0);
  });

  it("refuses expired links and links of the other kind, and throttles requests per address", async () => {
    const { user } = await createCustomerUser();
    for (let i = 0; i < LINKS_PER_WINDOW + 2; i++) expect((await requestReset(user.email)).status).toBe(202);
    const mails = await sentMail();
    expect(mails).toHaveLength(LINKS_PER_WINDOW);
    await db().emailToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await confirm(tokenIn(mails[0]!), "brand-new-password-456")).json.error.code).toBe("link_invalid");
    expect(await signInWithLink(db(), tokenIn(mails[1]!))).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "auth.email_link_throttled" } })).toBe(2);
  });

  it("validates the request bodies", async () => {
    expect((await requestReset("not-an-email")).status).toBe(400);
    expect((await confirm("x", "brand-new-password-456")).status).toBe(400);
  });
});

describe("sign-in links for customers", () => {
  it("signs in a customer once, keeping the callback on this site", async () => {
    const { user } = await createCustomerUser();
    expect((await requestLink(user.email, "/portal/conversations/7")).status).toBe(202);
    const [mail] = await sentMail();
    expect(mail?.text).toContain(`/signin/link?token=`);
    expect(mail?.text).toContain(`callbackUrl=${encodeURIComponent("/portal/conversations/7")}`);
    expect(await signInWithLink(db(), tokenIn(mail!))).toMatchObject({ id: user.id, role: "customer" });
    expect(await signInWithLink(db(), tokenIn(mail!))).toBeNull();

    await requestLink(user.email, "//evil.example/x");
    const [second] = await sentMail();
    expect(second?.text).not.toContain("callbackUrl");
  });

  it("a known address without an account gets one on the customer we know it from, history included", async () => {
    const customer = await db().customer.create({
      data: { name: "Mail Only", identities: { create: { kind: "email", value: "mail.only@example.test" } } },
    });
    await db().conversation.create({ data: { customerId: customer.id, channel: "email", subject: "Earlier" } });
    await requestLink("Mail.Only@Example.test");
    const [mail] = await sentMail();
    const account = await signInWithLink(db(), tokenIn(mail!));
    expect(account).toMatchObject({ role: "customer", customerId: customer.id, email: "mail.only@example.test" });
    expect(await db().customer.count()).toBe(1);
  });

  it("an address that is one of several identities signs in to that customer's account", async () => {
    const { user, customer } = await createCustomerUser();
    await db().identity.create({ data: { customerId: customer.id, kind: "email", value: "second@example.test" } });
    await requestLink("second@example.test");
    const [mail] = await sentMail();
    expect(await signInWithLink(db(), tokenIn(mail!))).toMatchObject({ id: user.id });
  });

  it("a new address becomes a new customer; staff addresses get no link", async () => {
    await requestLink("newcomer@example.test");
    const agent = await createAgent({ password: "old-password-123" });
    expect((await requestLink(agent.email)).status).toBe(202);
    const mails = await sentMail();
    expect(mails.map((m) => m.to)).toEqual(["newcomer@example.test"]);
    const account = await signInWithLink(db(), tokenIn(mails[0]!));
    expect(account).toMatchObject({ role: "customer", email: "newcomer@example.test" });
    const identity = await db().identity.findUniqueOrThrow({
      where: { kind_value: { kind: "email", value: "newcomer@example.test" } },
    });
    expect(identity.customerId).toBe(account!.customerId);
  });
});
