// Idempotency-Key on create requests: a client that retries after a timeout
// (the phone lost signal, the widget's fetch failed) sends the same key, and
// gets the first answer again instead of a second message. Keys are per caller
// and kept a day; the same key with a different request is refused.
import { createHash } from "node:crypto";
import { type Db, isUniqueViolation } from "../db/client";
import { AppError } from "../errors";
import type { Caller } from "./caller";

const KEEP_MS = 24 * 3_600_000;
/** Answers larger than this are not kept (create endpoints answer a few hundred bytes). */
const MAX_STORED_BODY = 65_536;
const KEY = /^[\x21-\x7e]{1,255}$/;

/** Whose keys these are; null for callers without an identity (anonymous, webhooks: those dedupe by provider id). */
export function idempotencyScope(caller: Caller): string | null {
  if (caller.kind === "user") return caller.tokenId ? `token:${caller.tokenId}` : `user:${caller.id}`;
  if (caller.kind === "visitor") return `visitor:${caller.siteKey}:${caller.visitorId}`;
  return null;
}

export interface IdempotentClaim {
  /** the stored answer to replay, when this key was used before for this request */
  replay?: Response;
  /** call with the answer once the request is done (kept on success, forgotten on failure) */
  finish?: (res: Response) => Promise<Response>;
  /** the request failed before it had an answer: the key is forgotten, so a retry runs for real */
  release?: () => Promise<void>;
}

/**
 * Claims `key` for this request, or finds the answer it already got. The claim is an insert on a unique
 * (caller, key): two copies racing each other see one claim win and the other told to retry.
 */
export async function claimIdempotencyKey(
  db: Db,
  scope: string,
  key: string,
  request: { method: string; path: string; body: string },
  now = new Date(),
): Promise<IdempotentClaim> {
  if (!KEY.test(key))
    throw new AppError(400, "invalid_idempotency_key", "Idempotency-Key must be 1–255 printable ASCII characters");
  const fingerprint = createHash("sha256").update(`${request.method} ${request.path}\n${request.body}`).digest("hex");
  try {
    const row = await db.idempotentRequest.create({
      data: { caller: scope, key, fingerprint, expiresAt: new Date(now.getTime() + KEEP_MS) },
      select: { id: true },
    });
    const release = async () => void (await db.idempotentRequest.delete({ where: { id: row.id } }));
    return { finish: (res) => keepAnswer(db, row.id, res, release), release };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  const seen = await db.idempotentRequest.findUnique({ where: { caller_key: { caller: scope, key } } });
  if (!seen || seen.expiresAt <= now) {
    // Expired (or forgotten a moment ago): start over under the same key.
    await db.idempotentRequest.deleteMany({ where: { caller: scope, key } });
    return claimIdempotencyKey(db, scope, key, request, now);
  }
  if (seen.fingerprint !== fingerprint)
    throw new AppError(422, "idempotency_key_reused", "This Idempotency-Key was used for a different request");
  if (seen.status !== "done")
    throw new AppError(409, "idempotency_key_in_progress", "A request with this Idempotency-Key is still running");
  return {
    replay: new Response(seen.responseBody, {
      status: seen.responseStatus ?? 200,
      headers: { "content-type": seen.responseType ?? "application/json", "idempotent-replayed": "true" },
    }),
  };
}

async function keepAnswer(db: Db, id: string, res: Response, release: () => Promise<void>): Promise<Response> {
  const body = res.ok ? await res.clone().text() : undefined;
  if (body === undefined || body.length > MAX_STORED_BODY) {
    // A failed request may be sent again with the same key and run for real.
    await release();
    return res;
  }
  await db.idempotentRequest.update({
    where: { id },
    data: {
      status: "done",
      responseStatus: res.status,
      responseType: res.headers.get("content-type"),
      responseBody: body,
    },
  });
  return res;
}

/** Forgets keys past their day (run by the worker). */
export async function forgetExpiredIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  return (await db.idempotentRequest.deleteMany({ where: { expiresAt: { lt: now } } })).count;
}
