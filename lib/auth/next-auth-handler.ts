// next-auth's own endpoints, with its plain-text 4xx answers (unknown action,
// wrong method, unreadable body) turned into our JSON error shape like every other route.
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { readBodyBytes } from "../gateway/route";
import { authOptions } from "./options";

/** next-auth's forms (sign-in, sign-out, CSRF) are a few hundred bytes: nothing bigger is read. */
const AUTH_BODY_LIMIT = 16_384;

type NextRouteArg = { params: Promise<Record<string, string | string[] | undefined>> };

export async function handleNextAuth(req: Request, next: NextRouteArg): Promise<Response> {
  // Built per request so env() is read at run time, not at build time.
  // next-auth reads req.nextUrl: Next.js passes a NextRequest, other callers a plain Request.
  const nextReq = await withBoundedBody(req instanceof NextRequest ? req : new NextRequest(req));
  let res: Response;
  try {
    res = await NextAuth(authOptions())(nextReq, next);
  } catch (err) {
    // next-auth parses JSON bodies itself and throws on garbage: that is the caller's error.
    if (err instanceof SyntaxError) return authError(400, "The request body could not be read");
    throw err;
  }
  const isJson = res.headers.get("content-type")?.includes("application/json");
  if (res.status < 400 || res.status >= 500 || isJson) return res;
  const text = (await res.text()).replace(/^Error:\s*/, "").trim();
  const message = text && !text.startsWith("[object") ? text : "This sign-in request is not supported";
  return authError(res.status, message);
}

/**
 * The request with its body read under the limit first (413 past it): next-auth itself reads a body of
 * any size, so eight anonymous 50 MB posts would hold 400 MB of the server's memory.
 */
async function withBoundedBody(req: NextRequest): Promise<NextRequest> {
  if (req.method === "GET" || req.method === "HEAD" || !req.body) return req;
  const body = await readBodyBytes(req, AUTH_BODY_LIMIT);
  return new NextRequest(req.url, { method: req.method, headers: req.headers, body: new Uint8Array(body) });
}

function authError(status: number, message: string): Response {
  return Response.json({ error: { code: "auth_request_invalid", message } }, { status });
}
