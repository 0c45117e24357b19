// The one wrapper every route handler goes through: request id, authentication,
// authorisation by the declared policy, zod parsing of params/query/body, and
// error mapping to `{ error: { code, message, details?, requestId } }`.
import "server-only";
import { randomUUID } from "node:crypto";
import { z, ZodError, type ZodType } from "zod";
import { isDatabaseUnavailable } from "../db/availability";
import { db as defaultDb, type Db } from "../db/client";
import { emailConfig, env, publicUrl } from "../env";
import { AppError } from "../errors";
import { log } from "../log";
import { callerFromRequest, type Caller } from "./caller";
import { authorize, authorizeScope, type Policy, type SignedIn, type TwilioCaller, type VisitorCaller } from "./policy";
import { clientIp, tooManyRequests } from "./rate-limit";
import { rateLimitStore } from "./shared-rate-limit";
import { apiSecurityHeaders } from "./security-headers";
import { checkSameOrigin, isSafeMethod } from "./same-origin";
import type { Scope } from "../tokens/api-tokens";
import { verifySharedSecret } from "./shared-secret";
import { verifyTwilioRequest } from "./twilio-signature";
import { claimIdempotencyKey, type IdempotentClaim, idempotencyScope } from "./idempotency";

const MAX_BODY_BYTES = 1_000_000;

type CallerFor<P extends Policy> = P extends "public"
  ? Caller
  : P extends "twilio"
    ? TwilioCaller
    : P extends "email-webhook"
      ? { kind: "email-webhook" }
      : P extends "visitor"
        ? VisitorCaller
        : SignedIn;

export interface RouteContext<P extends Policy, B, Q, Pa> {
  req: Request;
  caller: CallerFor<P>;
  body: B;
  query: Q;
  params: Pa;
  requestId: string;
  db: Db;
  /** The second argument Next.js passed, for handlers that forward it (next-auth). */
  next: NextRouteArg;
}

export interface RouteSpec<P extends Policy, B, Q, Pa> {
  policy: P;
  /** one line for the OpenAPI document */
  summary: string;
  /**
   * What a bearer token needs to call this route; by default "admin" for admin
   * routes, else conversations:read for GET and conversations:write otherwise.
   * "session" refuses tokens altogether (e.g. minting more tokens).
   */
  scope?: Scope | "session";
  /** "auth": the tight per-IP budget for sign-in and sign-up attempts (unsafe methods only) */
  rateLimit?: "auth";
  body?: ZodType<B>;
  query?: ZodType<Q>;
  params?: ZodType<Pa>;
}

type NextRouteArg = { params: Promise<Record<string, string | string[] | undefined>> };

export type RouteHandler = ((req: Request, next: NextRouteArg) => Promise<Response>) & {
  policy: Policy;
  /** what the route validates, for the OpenAPI document */
  spec: RouteSpec<Policy, unknown, unknown, unknown>;
};

export function route<P extends Policy, B = undefined, Q = undefined, Pa = undefined>(
  spec: RouteSpec<P, B, Q, Pa>,
  handler: (ctx: RouteContext<P, B, Q, Pa>) => Promise<unknown>,
): RouteHandler {
  const wrapped = async (req: Request, next: NextRouteArg): Promise<Response> => {
    const requestId = requestIdOf(req);
    try {
      const database = defaultDb();
      let caller: Caller;
      let formBody: Record<string, string> | undefined;
      if (spec.policy === "twilio") {
        // Nothing happens before the signature is checked, not even parsing.
        formBody = verifyTwilioRequest(req, await readBodyText(req), env().TWILIO_AUTH_TOKEN, publicUrl()).params;
        caller = { kind: "twilio" };
      } else if (spec.policy === "email-webhook") {
        verifySharedSecret(req.headers.get("x-webhook-secret"), emailConfig().webhookSecret);
        caller = { kind: "email-webhook" };
      } else {
        checkSameOrigin(req, [env().NEXTAUTH_URL, publicUrl()]);
        caller = await callerFromRequest(database, env().NEXTAUTH_SECRET, req);
        await spendBudget(req, caller, spec.rateLimit);
      }
      authorize(spec.policy, caller);
      authorizeScope(spec.policy, spec.scope, req.method, caller);
      const params = spec.params ? parseWith(spec.params, (await next?.params) ?? {}, "params") : (undefined as Pa);
      const query = spec.query
        ? parseWith(spec.query, Object.fromEntries(new URL(req.url).searchParams), "query")
        : (undefined as Q);
      const bodyText = spec.body && !formBody ? await readBodyText(req) : undefined;
      const body = spec.body ? parseWith(spec.body, formBody ?? parseJson(bodyText!), "body") : (undefined as B);
      const claim = await claimIdempotency(database, req, caller, bodyText);
      if (claim?.replay) return withRequestId(claim.replay, requestId);
      let res: Response;
      try {
        const result = await handler({
          req,
          caller: caller as CallerFor<P>,
          body,
          query,
          params,
          requestId,
          db: database,
          next,
        });
        res = result instanceof Response ? result : Response.json(result ?? { ok: true });
      } catch (err) {
        // The key is released: the client may send the request again and have it run.
        await claim?.release?.();
        throw err;
      }
      return withRequestId(claim?.finish ? await claim.finish(res) : res, requestId);
    } catch (err) {
      return errorResponse(err, requestId, req);
    }
  };
  return Object.assign(wrapped, { policy: spec.policy, spec: spec as RouteSpec<Policy, unknown, unknown, unknown> });
}

/** Throws a 429 when the caller (user, token, or anonymous IP) is over its budget. Twilio is never limited. */
async function spendBudget(req: Request, caller: Caller, bucket: "auth" | undefined): Promise<void> {
  const e = env();
  const ip = clientIp(req);
  const checks: [string, number][] = [];
  if (bucket === "auth" && !isSafeMethod(req.method)) checks.push([`auth:${ip}`, e.RATE_LIMIT_AUTH_PER_MINUTE]);
  if (caller.kind === "user") {
    checks.push([caller.tokenId ? `token:${caller.tokenId}` : `user:${caller.id}`, e.RATE_LIMIT_PER_MINUTE]);
  } else if (caller.kind === "visitor") {
    // Per visitor, and per address too: minting visitors must not multiply the budget.
    checks.push([`visitor:${caller.siteKey}:${caller.visitorId}`, e.RATE_LIMIT_VISITOR_PER_MINUTE]);
    checks.push([`ip:${ip}`, e.RATE_LIMIT_ANONYMOUS_PER_MINUTE]);
  } else {
    checks.push([`ip:${ip}`, e.RATE_LIMIT_ANONYMOUS_PER_MINUTE]);
  }
  for (const [key, perMinute] of checks) {
    const wait = await rateLimitStore().take(key, { perMinute });
    if (wait !== null) throw tooManyRequests(wait);
  }
}

/** Seconds a client is told to wait when the database is unavailable. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** A JSON response with a status other than 200. */
export function json(value: unknown, status: number): Response {
  return Response.json(value, { status });
}

function requestIdOf(req: Request): string {
  const given = req.headers.get("x-request-id");
  return given && /^[\w-]{8,100}$/.test(given) ? given : randomUUID();
}

class ParseError extends AppError {}

/**
 * Refuses text no database stores faithfully: lone UTF-16 surrogates (from JSON
 * escapes like "\ud800") and NUL characters (PostgreSQL rejects them in text).
 */
function assertCleanText(value: unknown, where: string, depth = 0): void {
  if (typeof value === "string") {
    if (!value.isWellFormed() || value.includes("\u0000")) {
      throw new ParseError(400, "invalid_text", `Invalid ${where}: text must be valid Unicode without NUL characters`);
    }
  } else if (value && typeof value === "object" && depth < 64) {
    for (const [k, v] of Object.entries(value)) {
      assertCleanText(k, where, depth + 1);
      assertCleanText(v, where, depth + 1);
    }
  }
}

function parseWith<T>(schema: ZodType<T>, value: unknown, where: string): T {
  assertCleanText(value, where);
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new ParseError(
    400,
    "validation_failed",
    describe(r.error, where),
    r.error.issues.map((i) => ({
      path: [where, ...i.path.map(String)].join("."),
      message: i.message,
    })),
  );
}

function describe(error: ZodError, where: string): string {
  const first = error.issues[0];
  const path = first?.path.length ? `${first.path.join(".")}: ` : "";
  return first ? `Invalid ${where}: ${path}${first.message}` : `Invalid ${where}`;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The body's bytes, refused with a 413 past `limit` (by Content-Length before reading, and by what arrived). */
export async function readBodyBytes(req: Request, limit: number): Promise<Uint8Array> {
  const tooLarge = () => new AppError(413, "payload_too_large", `Bodies are limited to ${limit} bytes`);
  if (Number(req.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength > limit) throw tooLarge();
  return bytes;
}

/** The body as text: at most MAX_BODY_BYTES, and valid UTF-8 (refused rather than silently repaired). */
async function readBodyText(req: Request): Promise<string> {
  const bytes = await readBodyBytes(req, MAX_BODY_BYTES);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new AppError(400, "invalid_body", "The request body is not valid UTF-8");
  }
}

/**
 * A POST with an Idempotency-Key from a caller with an identity: claimed before the handler runs, or
 * answered from the first run. A body the handler reads itself (a file) is fingerprinted by its length
 * and name.
 */
async function claimIdempotency(
  db: Db,
  req: Request,
  caller: Caller,
  bodyText: string | undefined,
): Promise<IdempotentClaim | undefined> {
  const key = req.method === "POST" ? req.headers.get("idempotency-key") : null;
  const scope = key === null ? null : idempotencyScope(caller);
  if (key === null || !scope) return undefined;
  const body = bodyText ?? `${req.headers.get("content-length") ?? ""}:${req.headers.get("x-filename") ?? ""}`;
  return claimIdempotencyKey(db, scope, key, { method: req.method, path: new URL(req.url).pathname, body });
}

function parseJson(text: string): unknown {
  if (!text.trim()) throw new AppError(400, "invalid_json", "The request body must be a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(400, "invalid_json", "The request body is not valid JSON");
  }
}

/** The request id and the API's security headers (a route's own CSP, e.g. for downloads, is kept). */
function withRequestId(res: Response, requestId: string): Response {
  const apply = (h: Headers) => {
    h.set("x-request-id", requestId);
    // A route's own header (a download's CSP) wins.
    for (const [k, v] of Object.entries(apiSecurityHeaders(env().NEXTAUTH_URL.startsWith("https:")))) {
      if (!h.has(k)) h.set(k, v);
    }
  };
  try {
    apply(res.headers);
    return res;
  } catch {
    // Response.redirect() and some others have immutable headers: copy those.
    const headers = new Headers(res.headers);
    apply(headers);
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  }
}

export function errorResponse(err: unknown, requestId: string, req?: Request): Response {
  let status = 500;
  let error: { code: string; message: string; details?: unknown };
  if (err instanceof AppError) {
    status = err.status;
    error = { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) };
  } else if (isDatabaseUnavailable(err)) {
    log.error("database unavailable", { requestId, method: req?.method, url: req?.url, err });
    status = 503;
    error = {
      code: "database_unavailable",
      message: "The helpdesk cannot reach its database right now. Try again shortly.",
    };
  } else if (err instanceof ZodError) {
    // A domain function's own validation of input the route passed through.
    status = 400;
    error = { code: "validation_failed", message: describe(err, "input"), details: z.treeifyError(err) };
  } else {
    log.error("unhandled error in route", { requestId, method: req?.method, url: req?.url, err });
    error = {
      code: "internal_error",
      message: "Something went wrong on our side. Quote the request id if you contact us.",
    };
  }
  const headers: Record<string, string> = {};
  if (status === 429 && err instanceof AppError) {
    headers["retry-after"] = String(
      (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60,
    );
  }
  if (status === 503) headers["retry-after"] = String(DATABASE_RETRY_AFTER_SECONDS);
  // Errors carry the same security headers as every other answer.
  return withRequestId(Response.json({ error: { ...error, requestId } }, { status, headers }), requestId);
}
