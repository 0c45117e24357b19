import * as OTPAuth from "otpauth";
import { describe, expect, it } from "vitest";
import * as twoFactor from "@/app/api/me/2fa/route";
import * as enable from "@/app/api/me/2fa/enable/route";
import { db } from "@/lib/db/client";
import { call, createAgent, sessionCookie } from "@/tests/helpers/factories";
import { passwordSignIn } from "@/tests/helpers/sign-in";

const codeAt = (secret: string, ms: number) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: ms });

describe("two-factor sign-in", () => {
  it("is set up with a code from the app, then asks for a code at sign-in; codes can't be reused; recovery codes work once", async () => {
    const agent = await createAgent({ password: "correct horse battery" });
    const cookie = await sessionCookie(agent.id);
    const setup = await call(twoFactor.POST, { method: "POST", cookie });
    expect(setup.json.uri).toMatch(/^otpauth:\/\/totp\/Omnidesk:.*secret=/);
    expect(setup.json.qrSvg).toContain("<svg");
    const wrong = await call(enable.POST, { method: "POST", cookie, body: { code: "000000" } });
    expect(wrong.status).toBe(400);
    const enabled = await call(enable.POST, {
      method: "POST",
      cookie,
      body: { code: codeAt(setup.json.secret, Date.now()) },
    });
    expect(enabled.status).toBe(200);
    const recovery = enabled.json.recoveryCodes as string[];
    expect(recovery).toHaveLength(10);
    expect((await call(twoFactor.GET, { cookie })).json).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });

    const signIn = passwordSignIn();
    await expect(signIn(agent.email, "correct horse battery")).rejects.toThrow("OtpRequired");
    await expect(signIn(agent.email, "correct horse battery", "123456")).rejects.toThrow("OtpInvalid");
    // the code used to enable is spent; the next period's code works once
    const next = codeAt(setup.json.secret, Date.now() + 30_000);
    await expect(signIn(agent.email, "correct horse battery", next)).resolves.toMatchObject({ id: agent.id });
    await expect(signIn(agent.email, "correct horse battery", next)).rejects.toThrow("OtpInvalid");
    await expect(signIn(agent.email, "correct horse battery", recovery[0]!)).resolves.toMatchObject({ id: agent.id });
    await expect(signIn(agent.email, "correct horse battery", recovery[0]!)).rejects.toThrow("OtpInvalid");
    await expect(signIn(agent.email, "wrong", next)).resolves.toBeNull();
    expect((await call(twoFactor.GET, { cookie })).json.recoveryCodesLeft).toBe(9);

    const off = await call(twoFactor.DELETE, { method: "DELETE", cookie, body: { code: recovery[1]! } });
    expect(off.status).toBe(200);
    await expect(signIn(agent.email, "correct horse battery")).resolves.toMatchObject({ id: agent.id });
    const actions = (await db().auditEvent.findMany({ where: { action: { startsWith: "auth.two_factor" } } })).map(
      (e) => e.action,
    );
    expect(actions.sort()).toEqual(["auth.two_factor_disabled", "auth.two_factor_enabled"]);
  });

  it("keeps the secret sealed at rest and never starts over while it is on", async () => {
    const agent = await createAgent();
    const cookie = await sessionCookie(agent.id);
    const setup = await call(twoFactor.POST, { method: "POST", cookie });
    const stored = await db().user.findUniqueOrThrow({ where: { id: agent.id } });
    expect(stored.totpSecretEnc).not.toContain(setup.json.secret);
    await call(enable.POST, { method: "POST", cookie, body: { code: codeAt(setup.json.secret, Date.now()) } });
    expect((await call(twoFactor.POST, { method: "POST", cookie })).status).toBe(409);
  });
});
