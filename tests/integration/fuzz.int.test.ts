// At least 10,000 generated malformed requests across every API route, each
// sent by a caller the route admits (so it reaches parsing and the handler):
// wrong types, huge strings, deep JSON, bad encodings, missing fields, garbage
// query strings and path params, NUL bytes and lone surrogates. Every answer
// must be below 500, and every error a JSON `{ error: { code, message } }`.
import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "@/app/api/openapi.json/routes.generated";
import { ingest } from "@/lib/conversations/ingest";
import { db } from "@/lib/db/client";
import type { RouteHandler } from "@/lib/gateway/route";
import { call, type CallOptions, createAgent, createCustomerUser, sessionCookie } from "@/tests/helpers/factories";
import { type Body, enc, garbageParam, garbageQuery, generator, malformedBody } from "@/tests/helpers/fuzz-input";

const TOTAL = 10_000;

/** The keys a route's body schema names, so generated objects hit real fields with wrong values. */
function bodyKeys(handler: RouteHandler): string[] {
  const shape = (handler.spec.body as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

const cells = API_ROUTES.filter((r) => r.path !== "/api/auth/{nextauth}").flatMap((r) =>
  Object.entries(r.methods)
    .filter((e): e is [string, RouteHandler] => !!e[1])
    .map(([method, handler]) => ({ path: r.path, method, handler })),
);
const PER_ROUTE = Math.ceil(TOTAL / cells.length);

describe(`fuzz: ${PER_ROUTE * cells.length} malformed requests over ${cells.length} route methods`, () => {
  it.each(cells.map((c, i) => [`${c.method} ${c.path}`, i] as const))(
    "%s: never a 5xx, always a JSON error",
    async (_name, index) => {
      const cell = cells[index]!;
      const agent = await createAgent({ role: "admin" });
      const { user, customer } = await createCustomerUser();
      const { conversationId } = await ingest(db(), {
        channel: "portal",
        from: { customerId: customer.id },
        body: "x",
      });
      const cookie = await sessionCookie(cell.handler.policy === "customer" ? user.id : agent.id);
      const g = generator(index + 1);
      const keys = bodyKeys(cell.handler);
      const failures: string[] = [];
      for (let i = 0; i < PER_ROUTE; i++) {
        const hasBody = cell.method !== "GET" && cell.method !== "DELETE";
        let { body, contentType } = hasBody ? malformedBody(g, keys) : { body: undefined as Body, contentType: "" };
        if (cell.handler.policy === "twilio" && body && typeof body === "object" && !(body instanceof Uint8Array)) {
          // Webhooks are forms: the same wrong values, form-encoded.
          body = new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString();
          contentType = "application/x-www-form-urlencoded";
        }
        const params = Object.fromEntries(
          [...cell.path.matchAll(/\{(\w+)\}/g)].map(([, k]) => [
            k!,
            g.rnd() < 0.3 ? String(conversationId) : garbageParam(g),
          ]),
        );
        const path = `${cell.path.replace(/\{(\w+)\}/g, (_, k: string) => enc(params[k]!))}?${garbageQuery(g)}`;
        const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
        if (cell.handler.policy === "email-webhook") headers["x-webhook-secret"] = "integration-email-webhook-secret";
        if (cell.handler.policy === "twilio" && typeof body === "string") {
          // Signed exactly as Twilio would sign these bytes, so they get past the check and into parsing.
          const form = Object.fromEntries(new URLSearchParams(body));
          headers["x-twilio-signature"] = twilio.getExpectedTwilioSignature(
            process.env.TWILIO_AUTH_TOKEN!,
            `${process.env.PUBLIC_URL}${path}`,
            form,
          );
        }
        const opts: CallOptions = { method: cell.method, path, cookie, headers, params, body };
        const res = await call(cell.handler, opts);
        const isJsonError = typeof res.json?.error?.code === "string" && typeof res.json?.error?.message === "string";
        if (res.status >= 500 || (res.status >= 400 && !isJsonError)) {
          failures.push(
            `#${i} ${res.status} ${res.text.slice(0, 200)} ← ${String(typeof body === "string" ? body : JSON.stringify(body)).slice(0, 120)}`,
          );
        }
      }
      expect(failures.slice(0, 10)).toEqual([]);
    },
  );
});
