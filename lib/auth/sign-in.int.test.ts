import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { provisionOidcUser } from "@/lib/users/accounts";
import { createAgent, createCustomerUser } from "@/tests/helpers/factories";
import { passwordSignIn } from "@/tests/helpers/sign-in";

const passwordAuthorize = (policy: "everyone" | "customers") =>
  passwordSignIn({ PASSWORD_SIGNIN: policy }, { "x-forwarded-for": "203.0.113.5" });

describe("password sign-in", () => {
  it("with SSO required for staff, refuses agents before checking the password, and still lets customers in", async () => {
    const agent = await createAgent({ password: "correct horse battery" });
    const { user: customer } = await createCustomerUser();
    await db().user.update({
      where: { id: customer.id },
      data: { passwordHash: (await db().user.findUniqueOrThrow({ where: { id: agent.id } })).passwordHash },
    });
    const ssoOnly = passwordAuthorize("customers");
    await expect(ssoOnly(agent.email, "correct horse battery")).rejects.toThrow("SsoRequired");
    await expect(ssoOnly(agent.email, "wrong")).rejects.toThrow("SsoRequired");
    await expect(ssoOnly(customer.email, "correct horse battery")).resolves.toMatchObject({ id: customer.id });
    await expect(passwordAuthorize("everyone")(agent.email, "correct horse battery")).resolves.toMatchObject({
      id: agent.id,
    });
    expect(await db().auditEvent.count({ where: { action: "auth.password_refused" } })).toBe(2);
  });
});

describe("SSO provisioning with roles from claims", () => {
  const profile = (subject: string, email: string) => ({
    issuer: "https://sso.example.com",
    subject,
    email,
    name: "Pat",
  });

  it("provisions with the claimed role, then promotes and demotes on later sign-ins, audited", async () => {
    const first = await provisionOidcUser(db(), profile("pat", "pat@example.com"), { role: "agent", fromClaims: true });
    expect(first).toMatchObject({ role: "agent" });
    expect(
      await provisionOidcUser(db(), profile("pat", "pat@example.com"), { role: "admin", fromClaims: true }),
    ).toMatchObject({
      role: "admin",
    });
    expect(
      await provisionOidcUser(db(), profile("pat", "pat@example.com"), { role: "agent", fromClaims: true }),
    ).toMatchObject({
      role: "agent",
    });
    const changes = await db().auditEvent.findMany({
      where: { action: "account.role_changed" },
      orderBy: { createdAt: "asc" },
    });
    expect(changes.map((c) => JSON.parse(c.data))).toEqual([
      { from: "agent", to: "admin", via: "oidc claims" },
      { from: "admin", to: "agent", via: "oidc claims" },
    ]);
  });

  it("without a roles claim, an existing admin linked by email keeps their role", async () => {
    const admin = await createAgent({ role: "admin" });
    const linked = await provisionOidcUser(db(), profile("ada", admin.email), { role: "agent", fromClaims: false });
    expect(linked).toMatchObject({ id: admin.id, role: "admin" });
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).oidcSubject).toBe(
      "https://sso.example.com|ada",
    );
  });

  it("never turns a customer account into staff", async () => {
    const { user } = await createCustomerUser();
    expect(await provisionOidcUser(db(), profile("cust", user.email), { role: "admin", fromClaims: true })).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("customer");
  });
});
