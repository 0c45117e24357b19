import { describe, expect, it } from "vitest";
import * as customers from "@/app/api/customers/route";
import * as customerMerge from "@/app/api/customers/[id]/merge/route";
import * as undo from "@/app/api/customers/merges/[id]/undo/route";
import * as conversationMerge from "@/app/api/conversations/[id]/merge/route";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/conversations/ingest";
import { call, createAgent, createCustomerUser, sessionCookie } from "@/tests/helpers/factories";
import { UNDO_WINDOW_MS, undoCustomerMerge } from "./merge";

async function twoCustomers() {
  const agent = await createAgent();
  const cookie = await sessionCookie(agent.id);
  const byEmail = await ingest(db(), {
    channel: "email",
    providerId: `<${Math.random()}@x>`,
    from: { identity: { kind: "email", value: "pat@example.test" }, name: "Pat" },
    body: "email question",
  });
  const byPhone = await ingest(db(), {
    channel: "sms",
    providerId: `SM${Math.random()}`,
    from: { identity: { kind: "phone", value: "+14155550190" } },
    body: "sms question",
  });
  return { agent, cookie, byEmail, byPhone };
}

describe("customer merge", () => {
  it("moves the other customer's numbers and conversations, sends their next message to the merged customer, and undoes", async () => {
    const { cookie, byEmail, byPhone } = await twoCustomers();
    const found = await call(customers.GET, { cookie, path: "/api/customers?q=4155550190" });
    expect(found.json.items).toEqual([
      expect.objectContaining({
        id: byPhone.customerId,
        conversations: 1,
        identities: [{ kind: "phone", value: "+14155550190" }],
      }),
    ]);

    const merged = await call(customerMerge.POST, {
      method: "POST",
      cookie,
      params: { id: byPhone.customerId },
      body: { intoCustomerId: byEmail.customerId },
    });
    expect(merged.status).toBe(200);
    expect(merged.json.moved).toEqual({ identities: 1, conversations: 1 });
    const pat = await db().customer.findUniqueOrThrow({
      where: { id: byEmail.customerId },
      include: { identities: true, conversations: true },
    });
    expect(pat.identities.map((i) => i.value).sort()).toEqual(["+14155550190", "pat@example.test"]);
    expect(pat.conversations.map((c) => c.id).sort()).toEqual([byEmail.conversationId, byPhone.conversationId].sort());
    // The merged-away customer no longer shows up in searches; the next text from that number is Pat's
    expect((await call(customers.GET, { cookie, path: "/api/customers?q=4155550190" })).json.items).toEqual([
      expect.objectContaining({ id: byEmail.customerId }),
    ]);
    const next = await ingest(db(), {
      channel: "sms",
      providerId: "SMnext",
      from: { identity: { kind: "phone", value: "+14155550190" } },
      body: "me again",
    });
    expect(next.customerId).toBe(byEmail.customerId);
    expect(
      await db().auditEvent.count({ where: { action: "customer.merged", conversationId: byPhone.conversationId } }),
    ).toBe(1);

    // Undo: what moved goes back
    const undone = await call(undo.POST, { method: "POST", cookie, params: { id: merged.json.mergeId } });
    expect(undone.status).toBe(200);
    const phoneCustomer = await db().customer.findUniqueOrThrow({
      where: { id: byPhone.customerId },
      include: { identities: true, conversations: true },
    });
    expect(phoneCustomer.mergedIntoId).toBeNull();
    expect(phoneCustomer.identities.map((i) => i.value)).toEqual(["+14155550190"]);
    expect(phoneCustomer.conversations.map((c) => c.id)).toEqual([byPhone.conversationId]);
    const again = await call(undo.POST, { method: "POST", cookie, params: { id: merged.json.mergeId } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("merge_undone");
  });

  it("refuses two portal accounts, the same customer, and an undo after the window", async () => {
    const { agent, byEmail } = await twoCustomers();
    const a = await createCustomerUser("Ann");
    const b = await createCustomerUser("Ben");
    const cookie = await sessionCookie(agent.id);
    const both = await call(customerMerge.POST, {
      method: "POST",
      cookie,
      params: { id: a.customer.id },
      body: { intoCustomerId: b.customer.id },
    });
    expect(both.status).toBe(409);
    expect(both.json.error.code).toBe("both_have_accounts");
    const same = await call(customerMerge.POST, {
      method: "POST",
      cookie,
      params: { id: a.customer.id },
      body: { intoCustomerId: a.customer.id },
    });
    expect(same.status).toBe(400);
    // A portal account moves with its customer
    const withAccount = await call(customerMerge.POST, {
      method: "POST",
      cookie,
      params: { id: a.customer.id },
      body: { intoCustomerId: byEmail.customerId },
    });
    expect(withAccount.status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { id: a.user.id } })).customerId).toBe(byEmail.customerId);
    const later = new Date(Date.now() + UNDO_WINDOW_MS + 60_000);
    await expect(undoCustomerMerge(db(), withAccount.json.mergeId, agent.id, later)).rejects.toMatchObject({
      code: "undo_window_passed",
    });
  });
});

describe("conversation merge", () => {
  it("moves one conversation's messages into another of the same customer's and closes it; refuses other customers'", async () => {
    const { cookie, byEmail, byPhone } = await twoCustomers();
    const refused = await call(conversationMerge.POST, {
      method: "POST",
      cookie,
      params: { id: String(byPhone.conversationId) },
      body: { intoConversationId: byEmail.conversationId },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("different_customers");

    await call(customerMerge.POST, {
      method: "POST",
      cookie,
      params: { id: byPhone.customerId },
      body: { intoCustomerId: byEmail.customerId },
    });
    const merged = await call(conversationMerge.POST, {
      method: "POST",
      cookie,
      params: { id: String(byPhone.conversationId) },
      body: { intoConversationId: byEmail.conversationId },
    });
    expect(merged.status).toBe(200);
    expect(merged.json).toEqual({ conversationId: byEmail.conversationId, movedMessages: 1 });
    const target = await db().conversation.findUniqueOrThrow({
      where: { id: byEmail.conversationId },
      include: { messages: { orderBy: { createdAt: "asc" } } },
    });
    expect(target.messages.map((m) => m.body)).toEqual(["email question", "sms question"]);
    const source = await db().conversation.findUniqueOrThrow({ where: { id: byPhone.conversationId } });
    expect(source).toMatchObject({ status: "closed", mergedIntoId: byEmail.conversationId });
    // The customers can no longer be told apart by undoing: their messages share one timeline now.
    const mergeRow = await db().customerMerge.findFirstOrThrow({ where: { sourceId: byPhone.customerId } });
    const undone = await call(undo.POST, { method: "POST", cookie, params: { id: mergeRow.id } });
    expect(undone.status).toBe(409);
    expect(undone.json.error).toMatchObject({
      code: "conversations_merged_since",
      message: expect.stringContaining(`#${byPhone.conversationId} was merged into #${byEmail.conversationId}`),
    });
    expect((await db().customer.findUniqueOrThrow({ where: { id: byPhone.customerId } })).mergedIntoId).toBe(
      byEmail.customerId,
    );
    const twice = await call(conversationMerge.POST, {
      method: "POST",
      cookie,
      params: { id: String(byPhone.conversationId) },
      body: { intoConversationId: byEmail.conversationId },
    });
    expect(twice.status).toBe(409);
  });
});
