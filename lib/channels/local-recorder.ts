// What the local recorder "sent" while no provider is configured: the offline
// stand-in for Twilio's and the mail relay's logs, so a team can see exactly
// what would have gone out, and to whom.
import { z } from "zod";
import type { Db } from "../db/client";
import { LOCAL_PROVIDER_PREFIX } from "./transports";

export const ZLocalOutboxQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Which of the customer's identities each channel would have addressed. */
const ADDRESS_KIND: Record<string, string> = { sms: "phone", email: "email", chat: "chat", api: "email" };

export async function listLocallyRecorded(db: Db, q: z.output<typeof ZLocalOutboxQuery>) {
  const rows = await db.message.findMany({
    where: { providerId: { startsWith: LOCAL_PROVIDER_PREFIX } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit,
    select: {
      id: true,
      channel: true,
      body: true,
      createdAt: true,
      author: { select: { name: true } },
      conversation: {
        select: {
          id: true,
          subject: true,
          customer: {
            select: { name: true, identities: { select: { kind: true, value: true }, orderBy: { createdAt: "desc" } } },
          },
        },
      },
    },
  });
  return rows.map(({ conversation, ...m }) => ({
    ...m,
    conversationId: conversation.id,
    subject: conversation.subject,
    customerName: conversation.customer.name,
    to: conversation.customer.identities.find((i) => i.kind === ADDRESS_KIND[m.channel])?.value ?? null,
  }));
}
export type LocallyRecorded = Awaited<ReturnType<typeof listLocallyRecorded>>[number];
