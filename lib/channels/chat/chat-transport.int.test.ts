import { describe, expect, it } from "vitest";
import { localTransport, type Transport } from "@/lib/channels/transports";
import { db } from "@/lib/db/client";
import { chatTransport } from "./chat-transport";
import { touchVisitor } from "./visitor-presence";

async function visitorCustomer(withEmail: boolean) {
  return db().customer.create({
    data: {
      name: "Vera",
      identities: {
        create: [
          { kind: "chat", value: "site:visitor-vera-0123456789" },
          ...(withEmail ? [{ kind: "email", value: "vera@example.com" }] : []),
        ],
      },
    },
  });
}

const reply = (customerId: string) => ({
  id: "m1",
  conversationId: 1,
  channel: "chat" as const,
  body: "Hi",
  customerId,
});

describe("chat replies", () => {
  it("are shown in the open widget, and go by email once the visitor has left", async () => {
    const customer = await visitorCustomer(true);
    const mailed: string[] = [];
    const email: Transport = {
      send: async (m) => {
        mailed.push(`${m.channel}:${m.body}`);
        return localTransport.send(m);
      },
    };
    const transport = chatTransport(db(), email);
    await touchVisitor(db(), "site:visitor-vera-0123456789");
    expect(await transport.send(reply(customer.id))).toEqual({ status: "delivered" });
    expect(mailed).toEqual([]);

    await db().visitorPresence.updateMany({ data: { lastSeenAt: new Date(Date.now() - 5 * 60_000) } });
    const left = await transport.send(reply(customer.id));
    expect(mailed).toEqual(["email:Hi"]);
    expect(left.status).toBe("sent");
    expect(left.note).toMatch(/^the visitor had left the chat: sent by email to vera@example\.com/);
  });

  it("without an email address, wait in the widget for the visitor's return", async () => {
    const customer = await visitorCustomer(false);
    const transport = chatTransport(db(), {
      send: async () => {
        throw new Error("must not email");
      },
    });
    expect(await transport.send(reply(customer.id))).toEqual({ status: "delivered" });
  });
});
