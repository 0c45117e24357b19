// A customer's whole story for the customer page and the conversation's side
// pane: who they are (identities, company, notes, attributes), every
// conversation on every channel, and how they rated us.
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { loadAttributeDefinitions } from "../customers/profile";

export async function getCustomerStory(db: Db, id: string) {
  const [customer, conversations, ratings, attributeDefinitions] = await Promise.all([
    db.customer.findUnique({
      where: { id },
      select: {
        id: true,
        name: true,
        company: true,
        notes: true,
        attributes: true,
        createdAt: true,
        mergedIntoId: true,
        user: { select: { email: true } },
        identities: {
          orderBy: { createdAt: "asc" },
          select: { id: true, kind: true, value: true, optedOutAt: true, createdAt: true },
        },
      },
    }),
    db.conversation.findMany({
      where: { customerId: id },
      orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
      take: 100,
      select: {
        id: true,
        subject: true,
        status: true,
        channel: true,
        lastMessageAt: true,
        createdAt: true,
        mergedIntoId: true,
        assignee: { select: { id: true, name: true } },
      },
    }),
    db.csatSurvey.findMany({
      where: { customerId: id, answeredAt: { not: null } },
      orderBy: { answeredAt: "desc" },
      take: 50,
      select: { conversationId: true, rating: true, comment: true, answeredAt: true },
    }),
    loadAttributeDefinitions(db),
  ]);
  if (!customer) throw notFound("Customer");
  const colleagues = customer.company
    ? await db.customer.findMany({
        where: { company: customer.company, id: { not: id }, mergedIntoId: null },
        orderBy: { name: "asc" },
        take: 20,
        select: { id: true, name: true },
      })
    : [];
  const { user, ...rest } = customer;
  return {
    ...rest,
    attributes: JSON.parse(customer.attributes) as Record<string, string | number>,
    portalAccount: user?.email ?? null,
    conversations,
    ratings,
    attributeDefinitions,
    colleagues,
  };
}
export type CustomerStory = Awaited<ReturnType<typeof getCustomerStory>>;
