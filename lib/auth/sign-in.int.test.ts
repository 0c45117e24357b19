import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { PEER_HEADER } from "@/lib/gateway/client-address";
import { provisionOidcUser } from "@/lib/users/accounts";
import { createAgent, createCustomerUser } from "@/tests/helpers/factories";
import { passwordSignIn } from "@/tests/helpers/sign-in";

const passwordAuthorize = (policy: "everyone" | "customers") =>
  passwordSignIn({ PASSWORD_SIGNIN: policy }, { [PEER_HEADER]: "203.0.113.5" });

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

describe("SSO sign-in for customers", () => {
  const customerProfile = (subject: string, email: string, emailVerified = true) => ({
    issuer: "https://id.example.com",
    subject,
    email,
    emailVerified,
    name: "Cora Customer",
  });
  const asCustomer = { role: "customer" as const, fromClaims: true };

  it("provisions a new customer with email and SSO identities, and finds them again by subject", async () => {
    const first = await provisionOidcUser(db(), customerProfile("cora", "Cora@Example.com"), asCustomer);
    expect(first).toMatchObject({ role: "customer", email: "cora@example.com" });
    const identities = await db().identity.findMany({
      where: { customerId: first!.customerId! },
      orderBy: { kind: "asc" },
    });
    expect(identities.map((i) => [i.kind, i.value])).toEqual([
      ["email", "cora@example.com"],
      ["sso", "https://id.example.com|cora"],
    ]);
    const again = await provisionOidcUser(db(), customerProfile("cora", "changed@example.com"), asCustomer);
    expect(again?.id).toBe(first!.id);
  });

  it("joins a verified address to the customer we know it from, and to their account if they have one", async () => {
    const known = await db().customer.create({
      data: { name: "By Mail", identities: { create: { kind: "email", value: "bymail@example.com" } } },
    });
    const joined = await provisionOidcUser(db(), customerProfile("bm", "bymail@example.com"), asCustomer);
    expect(joined).toMatchObject({ customerId: known.id, role: "customer" });

    const { user, customer } = await createCustomerUser();
    await db().identity.create({ data: { customerId: customer.id, kind: "email", value: "alt@example.com" } });
    expect(await provisionOidcUser(db(), customerProfile("alt", "alt@example.com"), asCustomer)).toMatchObject({
      id: user.id,
    });
  });

  it("an unverified address claims nobody's history or account", async () => {
    const { user } = await createCustomerUser();
    expect(await provisionOidcUser(db(), customerProfile("x1", user.email, false), asCustomer)).toBeNull();
    const known = await db().customer.create({
      data: { name: "By Mail", identities: { create: { kind: "email", value: "theirs@example.com" } } },
    });
    const fresh = await provisionOidcUser(db(), customerProfile("x2", "theirs@example.com", false), asCustomer);
    expect(fresh?.customerId).not.toBe(known.id);
    expect(await db().identity.count({ where: { customerId: fresh!.customerId!, kind: "email" } })).toBe(0);
  });

  it("a staff account is never turned into a customer", async () => {
    const agent = await createAgent();
    expect(await provisionOidcUser(db(), customerProfile("ag", agent.email), asCustomer)).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: agent.id } })).role).toBe("agent");
  });
});
