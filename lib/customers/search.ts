// Finding customers: by words of their name (ranked full-text search) or by a
// fragment of an email address or phone number (trigram index). See migration 0020.
import { z } from "zod";
import type { Db } from "../db/client";
import { databaseProvider, Prisma } from "../db/client";
import { containsPattern, tsVector } from "../db/search-sql";
import { fts5Query, identityFragment, searchWords, tsQuery } from "../shared/search-terms";

export interface CustomerHit {
  customerId: string;
  score: number;
}

/** Customers by name (words) or by a fragment of one of their email addresses or phone numbers. */
export async function customerHits(db: Db, query: string, limit = 200): Promise<CustomerHit[]> {
  const p = databaseProvider();
  const words = searchWords(query);
  const fragment = identityFragment(query);
  const like = fragment ? containsPattern(fragment) : null;
  const [byName, byIdentity] = await Promise.all([
    !words.length
      ? []
      : p === "sqlite"
        ? db.$queryRaw<Array<{ id: string; score: number }>>`
          SELECT c."id" AS id, -"CustomerFts".rank AS score
          FROM "CustomerFts" JOIN "Customer" c ON c.rowid = "CustomerFts".rowid
          WHERE "CustomerFts" MATCH ${fts5Query(words)} AND c."mergedIntoId" IS NULL
          ORDER BY score DESC LIMIT ${limit}`
        : db.$queryRaw<Array<{ id: string; score: number }>>`
          SELECT c."id" AS id, ts_rank(${tsVector(Prisma.sql`c."name"`)}, q) AS score
          FROM "Customer" c, to_tsquery('simple', ${tsQuery(words)}) q
          WHERE ${tsVector(Prisma.sql`c."name"`)} @@ q AND c."mergedIntoId" IS NULL
          ORDER BY score DESC LIMIT ${limit}`,
    !like
      ? []
      : p === "sqlite"
        ? db.$queryRaw<Array<{ id: string }>>`
          SELECT DISTINCT i."customerId" AS id
          FROM "IdentityTrgm" JOIN "Identity" i ON i.rowid = "IdentityTrgm".rowid
          WHERE "IdentityTrgm"."value" LIKE ${like} ESCAPE '\\' AND i."kind" IN ('email', 'phone') LIMIT ${limit}`
        : db.$queryRaw<Array<{ id: string }>>`
          SELECT DISTINCT "customerId" AS id FROM "Identity"
          WHERE "value" LIKE ${like} ESCAPE '\\' AND "kind" IN ('email', 'phone') LIMIT ${limit}`,
  ]);
  const scores = new Map<string, number>();
  const top = Math.max(...byName.map((r) => Number(r.score)), 0) || 1;
  for (const r of byName) scores.set(r.id, Number(r.score) / top);
  // An address or number fragment is as strong as the best name match.
  for (const r of byIdentity) scores.set(r.id, 1);
  return [...scores].map(([customerId, score]) => ({ customerId, score })).sort((a, b) => b.score - a.score);
}

export const ZCustomerSearch = z.strictObject({ q: z.string().trim().min(2, "Type at least 2 characters").max(200) });

/** Customers whose name has the words, or any address/number the fragment, best first; merged-away customers are left out. */
export async function searchCustomers(db: Db, q: string, limit = 20) {
  const hits = (await customerHits(db, q, limit)).slice(0, limit);
  const rows = await db.customer.findMany({
    where: { id: { in: hits.map((h) => h.customerId) } },
    select: {
      id: true,
      name: true,
      company: true,
      identities: { select: { kind: true, value: true } },
      _count: { select: { conversations: true } },
    },
  });
  const order = new Map(hits.map((h, i) => [h.customerId, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { items: rows.map(({ _count, ...c }) => ({ ...c, conversations: _count.conversations })) };
}
