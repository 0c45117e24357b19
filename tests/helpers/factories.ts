// Test data and requests. Every test builds the rows it needs through these.
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/users/accounts";
import type { RouteHandler } from "@/lib/gateway/route";

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export async function createAgent(opts: { role?: "agent" | "admin"; name?: string; password?: string } = {}) {
  return db().user.create({
    data: {
      email: `agent-${unique()}@desk.test`,
      name: opts.name ?? "Agent Smith",
      role: opts.role ?? "agent",
      passwordHash: opts.password ? await hashPassword(opts.password, 4) : null,
    },
  });
}

export async function createCustomerUser(name = "Carla Customer") {
  const email = `customer-${unique()}@example.test`;
  const customer = await db().customer.create({
    data: { name, identities: { create: { kind: "email", value: email } } },
  });
  const user = await db().user.create({ data: { email, name, role: "customer", customerId: customer.id } });
  return { user, customer };
}

/** A next-auth session cookie for the user; with `sessionId`, tied to that server-side session as sign-in makes it. */
export async function sessionCookie(userId: string, sessionId?: string): Promise<string> {
  const token = await encode({
    token: { sub: userId, ...(sessionId ? { sid: sessionId } : {}) },
    secret: process.env.NEXTAUTH_SECRET!,
  });
  return `next-auth.session-token=${token}`;
}

export interface CallOptions {
  method?: string;
  path?: string;
  cookie?: string;
  /** an object is sent as JSON; a string or bytes are sent as they are */
  body?: unknown;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

export async function call(handler: RouteHandler, opts: CallOptions = {}) {
  const headers = new Headers(opts.headers);
  if (opts.cookie) headers.set("cookie", opts.cookie);
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    body =
      typeof opts.body === "string" || opts.body instanceof Uint8Array
        ? (opts.body as BodyInit)
        : JSON.stringify(opts.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const req = new Request(`http://localhost${opts.path ?? "/api/test"}`, {
    method: opts.method ?? "GET",
    headers,
    body,
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  // An event stream never ends by itself: report that it opened, then hang up.
  if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
    await res.body?.cancel();
    return { status: res.status, json: undefined, text: "", headers: res.headers };
  }
  const text = await res.text();
  // Tests read whatever shape the route answered; each assertion checks it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}
