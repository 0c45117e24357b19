// Delivering an agent's chat reply. A visitor with the widget open sees it at
// once (storing was the delivery). One who has left — no widget stream seen in
// the last minute — but gave an email address gets it by email too, so the
// conversation continues in their inbox; their email answer threads back into
// the same conversation like any reply.
import type { Db } from "../../db/client";
import { type Transport } from "../transports";
import { visitorOnline } from "./visitor-presence";

export function chatTransport(db: Db, email: Transport): Transport {
  return {
    async send(m) {
      const customer = await db.customer.findUniqueOrThrow({
        where: { id: m.customerId },
        select: { identities: { select: { kind: true, value: true } } },
      });
      const chats = customer.identities.filter((i) => i.kind === "chat").map((i) => i.value);
      const address = customer.identities.find((i) => i.kind === "email")?.value;
      if (!address || (await visitorOnline(db, chats))) return { status: "delivered" };
      const sent = await email.send({ ...m, channel: "email" });
      return {
        ...sent,
        note: [`the visitor had left the chat: sent by email to ${address}`, sent.note].filter(Boolean).join("; "),
      };
    },
  };
}
