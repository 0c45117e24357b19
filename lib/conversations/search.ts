// Full-text search over all history: message bodies (an email's plain text),
// subjects, attachment file names, customer names, and fragments of email
// addresses and phone numbers. SQLite answers from FTS5 tables, PostgreSQL from
// expression GIN indexes (tsvector, pg_trgm); both are kept in step by the
// database in the transaction that writes the row (migration 0020).
//
// Each source returns its best matches; a conversation's score adds up its
// sources (a word in the subject and the body ranks above one in the body only).
// As in Zendesk's search API, at most SEARCH_CAP conversations are ranked; the
// view's filters then narrow those.
import type { Db } from "../db/client";
import { databaseProvider, Prisma } from "../db/client";
import { badRequest } from "../errors";
import { conversationWhere, type FilterContext, type TViewFilters } from "./inbox-filter";
import { listSelect, toListItem } from "./list-item";
import { customerHits } from "../customers/search";
import { tsVector } from "../db/search-sql";
import { fts5Query, identityFragment, searchWords, snippet, tsQuery, type SnippetPart } from "../shared/search-terms";

export const SEARCH_CAP = 1000;

export type MatchSource = "subject" | "message" | "attachment" | "customer";
const WEIGHT: Record<MatchSource, number> = { customer: 1.5, subject: 1.2, message: 1, attachment: 0.8 };

interface Hit {
  conversationId: number;
  score: number;
  /** the message whose text matched, for its snippet */
  messageId?: string;
  /** the text that matched, when it is not a message's */
  text?: string;
}

export interface SearchScope {
  /** a customer searching their own conversations: nothing of anyone else's, no internal notes */
  customerId?: string;
}

type Provider = "sqlite" | "postgres";

/**
 * A word in most messages would have every one of them ranked: searches rank the newest RECENT_MATCHES
 * matching messages (and subjects) — all of them for any word rarer than that. SQLite's FTS5 walks a
 * word's matches newest first and stops there; PostgreSQL walks the newest messages by "createdAt" when
 * the word is common and the GIN index when it is rare.
 */
export const RECENT_MATCHES = 5000;

/** `AND <table>.rowid >= …`: only the newest RECENT_MATCHES rows that match (rowids grow with time). */
const newestMatches = (table: "MessageFts" | "ConversationFts" | "AttachmentFts", match: string) =>
  Prisma.sql`AND ${Prisma.raw(`"${table}"`)}.rowid >= COALESCE((SELECT rowid FROM ${Prisma.raw(`"${table}"`)}
             WHERE ${Prisma.raw(`"${table}"`)} MATCH ${match} ORDER BY rowid DESC LIMIT 1 OFFSET ${RECENT_MATCHES - 1}), 0)`;

async function messageHits(db: Db, p: Provider, words: string[], scope: SearchScope): Promise<Hit[]> {
  if (p === "sqlite") {
    const match = fts5Query(words);
    const within = scope.customerId
      ? // A customer's own messages: looked up by rowid, whatever the rest of the history holds.
        Prisma.sql`AND "MessageFts".rowid IN (SELECT m2.rowid FROM "Message" m2 JOIN "Conversation" c2 ON c2."id" = m2."conversationId"
                   WHERE c2."customerId" = ${scope.customerId} AND m2."direction" <> 'note')`
      : newestMatches("MessageFts", match);
    const rows = await db.$queryRaw<Array<{ cid: number; score: number; mid: string }>>`
      SELECT cid, MAX(score) AS score, mid FROM (
        SELECT m."conversationId" AS cid, -"MessageFts".rank AS score, m."id" AS mid
        FROM "MessageFts" JOIN "Message" m ON m.rowid = "MessageFts".rowid
        WHERE "MessageFts" MATCH ${match} ${within}
      ) GROUP BY cid ORDER BY score DESC LIMIT ${SEARCH_CAP}`;
    return rows.map((r) => ({ conversationId: Number(r.cid), score: Number(r.score), messageId: r.mid }));
  }
  const own = scope.customerId
    ? Prisma.sql`AND m."direction" <> 'note' AND m."conversationId" IN (SELECT "id" FROM "Conversation" WHERE "customerId" = ${scope.customerId})`
    : Prisma.empty;
  // "searchVector" is the stored to_tsvector of the body (PostgreSQL only, migration 0020).
  const q = Prisma.sql`to_tsquery('simple', ${tsQuery(words)})`;
  const rows = await db.$queryRaw<Array<{ cid: number; score: number; mid: string }>>`
    SELECT cid, score, mid FROM (
      SELECT DISTINCT ON (r.cid) r.cid, r.mid, ts_rank(r.v, ${q}) AS score
      FROM (
        SELECT m."conversationId" AS cid, m."id" AS mid, m."searchVector" AS v
        FROM "Message" m WHERE m."searchVector" @@ ${q} ${own}
        ORDER BY m."createdAt" DESC LIMIT ${RECENT_MATCHES}
      ) r
      ORDER BY r.cid, score DESC
    ) best ORDER BY score DESC LIMIT ${SEARCH_CAP}`;
  return rows.map((r) => ({ conversationId: Number(r.cid), score: Number(r.score), messageId: r.mid }));
}

async function subjectHits(db: Db, p: Provider, words: string[], scope: SearchScope): Promise<Hit[]> {
  const own = scope.customerId ? Prisma.sql`AND c."customerId" = ${scope.customerId}` : Prisma.empty;
  const rows =
    p === "sqlite"
      ? await db.$queryRaw<Array<{ cid: number; score: number }>>`
        SELECT c."id" AS cid, -"ConversationFts".rank AS score
        FROM "ConversationFts" JOIN "Conversation" c ON c."id" = "ConversationFts".rowid
        WHERE "ConversationFts" MATCH ${fts5Query(words)} ${own}
          ${scope.customerId ? Prisma.empty : newestMatches("ConversationFts", fts5Query(words))}
        ORDER BY score DESC LIMIT ${SEARCH_CAP}`
      : await db.$queryRaw<Array<{ cid: number; score: number }>>`
        SELECT cid, ts_rank(${tsVector(Prisma.sql`subject`)}, to_tsquery('simple', ${tsQuery(words)})) AS score
        FROM (
          SELECT c."id" AS cid, c."subject" AS subject FROM "Conversation" c
          WHERE ${tsVector(Prisma.sql`c."subject"`)} @@ to_tsquery('simple', ${tsQuery(words)}) ${own}
          ORDER BY c."id" DESC LIMIT ${RECENT_MATCHES}
        ) recent
        ORDER BY score DESC LIMIT ${SEARCH_CAP}`;
  return rows.map((r) => ({ conversationId: Number(r.cid), score: Number(r.score) }));
}

async function attachmentHits(db: Db, p: Provider, words: string[], scope: SearchScope): Promise<Hit[]> {
  const own = scope.customerId
    ? Prisma.sql`AND m."direction" <> 'note' AND m."conversationId" IN (SELECT "id" FROM "Conversation" WHERE "customerId" = ${scope.customerId})`
    : Prisma.empty;
  const rows =
    p === "sqlite"
      ? await db.$queryRaw<Array<{ cid: number; score: number; text: string }>>`
        SELECT cid, MAX(score) AS score, MIN(text) AS text FROM (
          SELECT m."conversationId" AS cid, -"AttachmentFts".rank AS score, a."filename" AS text
          FROM "AttachmentFts" JOIN "Attachment" a ON a.rowid = "AttachmentFts".rowid
          JOIN "Message" m ON m."id" = a."messageId"
          WHERE "AttachmentFts" MATCH ${fts5Query(words)} ${own}
            ${scope.customerId ? Prisma.empty : newestMatches("AttachmentFts", fts5Query(words))}
        ) GROUP BY cid ORDER BY score DESC LIMIT ${SEARCH_CAP}`
      : await db.$queryRaw<Array<{ cid: number; score: number; text: string }>>`
        SELECT m."conversationId" AS cid, MAX(ts_rank(${tsVector(Prisma.sql`a."filename"`)}, q)) AS score,
               MIN(a."filename") AS text
        FROM "Attachment" a JOIN "Message" m ON m."id" = a."messageId", to_tsquery('simple', ${tsQuery(words)}) q
        WHERE ${tsVector(Prisma.sql`a."filename"`)} @@ q ${own}
        GROUP BY m."conversationId" ORDER BY score DESC LIMIT ${SEARCH_CAP}`;
  return rows.map((r) => ({ conversationId: Number(r.cid), score: Number(r.score), text: r.text }));
}

async function customerConversationHits(db: Db, query: string): Promise<Hit[]> {
  const customers = await customerHits(db, query);
  if (!customers.length) return [];
  const score = new Map(customers.map((c) => [c.customerId, c.score]));
  const rows = await db.conversation.findMany({
    where: { customerId: { in: [...score.keys()] } },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: SEARCH_CAP,
    select: { id: true, customerId: true },
  });
  return rows.map((r) => ({ conversationId: r.id, score: score.get(r.customerId)! }));
}

/** Sources' scores normalised (their best is 1), weighted and added up per conversation. */
function combine(sources: Array<[MatchSource, Hit[]]>) {
  const out = new Map<
    number,
    { score: number; source: MatchSource; sourceScore: number; messageId?: string; text?: string }
  >();
  for (const [source, hits] of sources) {
    const top = Math.max(...hits.map((h) => h.score), 0) || 1;
    for (const h of hits) {
      const s = (h.score / top) * WEIGHT[source];
      const prev = out.get(h.conversationId);
      const best = { source, sourceScore: s, messageId: h.messageId, text: h.text };
      if (!prev) out.set(h.conversationId, { score: s, ...best });
      else {
        prev.score += s;
        // The snippet comes from the source that matched best.
        if (s > prev.sourceScore) Object.assign(prev, best);
      }
    }
  }
  return out;
}

function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^o(\d{1,4})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!m) throw badRequest("invalid_cursor", "The cursor is not one this API gave out");
  return Number(m[1]);
}
const encodeOffset = (offset: number) => Buffer.from(`o${offset}`).toString("base64url");

export interface SearchOptions {
  filters: TViewFilters & { q: string };
  context: FilterContext;
  scope?: SearchScope;
  cursor?: string;
  limit: number;
}

/** Ranked conversations matching `filters.q` and the rest of the view's filters. */
export async function searchConversations(db: Db, o: SearchOptions) {
  const scope = o.scope ?? {};
  const words = searchWords(o.filters.q);
  const p = databaseProvider();
  const none = Promise.resolve([] as Hit[]);
  const [messages, subjects, attachments, customers] = await Promise.all([
    words.length ? messageHits(db, p, words, scope) : none,
    words.length ? subjectHits(db, p, words, scope) : none,
    words.length ? attachmentHits(db, p, words, scope) : none,
    scope.customerId ? none : customerConversationHits(db, o.filters.q),
  ]);
  const ranked = combine([
    ["message", messages],
    ["subject", subjects],
    ["attachment", attachments],
    ["customer", customers],
  ]);
  // The view's filters over the ranked conversations, then the page's rows in full: listing every
  // candidate with its preview would load thousands of messages for 25 rows.
  const candidates = ranked.size
    ? await db.conversation.findMany({
        where: {
          AND: [
            conversationWhere(o.filters, o.context),
            { id: { in: [...ranked.keys()] } },
            scope.customerId ? { customerId: scope.customerId } : {},
          ],
        },
        select: { id: true, lastMessageAt: true },
      })
    : [];
  candidates.sort(
    (a, b) =>
      ranked.get(b.id)!.score - ranked.get(a.id)!.score ||
      b.lastMessageAt.getTime() - a.lastMessageAt.getTime() ||
      b.id - a.id,
  );
  const offset = decodeOffset(o.cursor);
  const pageIds = candidates.slice(offset, offset + o.limit).map((c) => c.id);
  const order = new Map(pageIds.map((id, i) => [id, i]));
  const [page, bodies] = await Promise.all([
    db.conversation
      .findMany({
        where: { id: { in: pageIds } },
        select: { ...listSelect, customer: { select: { id: true, name: true, identities: identitySelect } } },
      })
      .then((rows) => rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!)),
    db.message
      .findMany({
        where: { id: { in: pageIds.flatMap((id) => ranked.get(id)!.messageId ?? []) } },
        select: { id: true, body: true },
      })
      .then((rows) => new Map(rows.map((m) => [m.id, m.body]))),
  ]);
  const items = page.map(({ customer, ...row }) => {
    const hit = ranked.get(row.id)!;
    const matched = hit.text ?? matchedText(hit.source, { ...row, customer }, bodies.get(hit.messageId ?? ""));
    return {
      ...toListItem({ ...row, customer: { id: customer.id, name: customer.name } }),
      match: { in: hit.source, snippet: highlight(matched, words, o.filters.q) },
    };
  });
  return {
    items,
    nextCursor: offset + o.limit < candidates.length ? encodeOffset(offset + o.limit) : null,
    total: candidates.length,
    /** true when more conversations matched than are ranked (SEARCH_CAP) */
    capped: Math.max(messages.length, subjects.length, attachments.length, customers.length) >= SEARCH_CAP,
  };
}

const identitySelect = { select: { kind: true, value: true } } as const;

function matchedText(
  source: MatchSource,
  row: {
    subject: string;
    customer: { name: string; identities: Array<{ kind: string; value: string }> };
    messages: Array<{ body: string }>;
  },
  body: string | undefined,
): string {
  if (source === "subject") return row.subject;
  if (source === "message") return body ?? row.messages[0]?.body ?? "";
  if (source === "customer") {
    const ids = row.customer.identities.filter((i) => i.kind === "email" || i.kind === "phone").map((i) => i.value);
    return [row.customer.name, ...ids].join(" · ");
  }
  return row.subject;
}

/** Word matches marked; failing those, a fragment inside an address or number. */
function highlight(text: string, words: string[], query: string): SnippetPart[] {
  const parts = snippet(text, words);
  if (parts.some((x) => x.match)) return parts;
  const fragment = identityFragment(query);
  const at = fragment ? text.toLowerCase().indexOf(fragment) : -1;
  if (!fragment || at < 0) return parts;
  return [
    { text: text.slice(0, at), match: false },
    { text: text.slice(at, at + fragment.length), match: true },
    { text: text.slice(at + fragment.length), match: false },
  ].filter((x) => x.text);
}
export type SearchResult = Awaited<ReturnType<typeof searchConversations>>;
