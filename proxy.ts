// Pages: a request id, the CSP nonce and security headers, and an early redirect
// to sign-in for pages that need a session (pages check authorisation again
// where the data is read). API routes come here only for CORS, when a browser
// sends an Origin; webhooks skip the proxy entirely (it costs about a
// millisecond) and get their request id and authorisation from the route wrapper.
import { NextResponse, type NextRequest } from "next/server";
import { findChatSite } from "./lib/channels/chat/sites";
import { db } from "./lib/db/client";
import { env, oidcConfig } from "./lib/env";
import { corsHeaders, parseOrigins } from "./lib/gateway/cors";
import { commonSecurityHeaders, newNonce, pageCsp } from "./lib/gateway/security-headers";
import { isSessionCookie } from "./lib/gateway/session-cookies";

const PROTECTED_PAGES = ["/inbox", "/inbound", "/portal", "/dev", "/admin", "/settings", "/reports"];

export async function proxy(request: NextRequest) {
  const requestId = request.headers.get("x-request-id")?.match(/^[\w-]{8,100}$/)?.[0] ?? crypto.randomUUID();
  const { pathname, search } = request.nextUrl;
  // API requests reach the proxy only when they carry an Origin (see the matcher): CORS, nothing else.
  if (pathname.startsWith("/api/")) return cors(request);
  const needsSession = PROTECTED_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = request.cookies.getAll().some((c) => isSessionCookie(c.name));
  if (needsSession && !hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return secured(NextResponse.redirect(url), requestId, undefined);
  }
  const nonce = newNonce();
  const e = env();
  const oidc = oidcConfig(e);
  // The chat widget's page (/widget/<site key>) may be framed by that site's origins only.
  const widgetSite = /^\/widget\/([\w-]{1,64})$/.exec(pathname)?.[1];
  const frameAncestors = widgetSite ? ((await findChatSite(db(), widgetSite))?.allowedOrigins ?? []) : [];
  const csp = pageCsp({
    nonce,
    dev: e.NODE_ENV !== "production",
    formTargets: oidc ? [new URL(oidc.issuer).origin] : [],
    frameAncestors,
  });
  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  return secured(NextResponse.next({ request: { headers } }), requestId, csp, frameAncestors.length > 0);
}

function cors(request: NextRequest): NextResponse {
  const preflight = request.method === "OPTIONS";
  const headers = corsHeaders(request.headers.get("origin"), parseOrigins(env().CORS_ORIGINS), preflight);
  const res = preflight && headers ? new NextResponse(null, { status: 204 }) : NextResponse.next();
  for (const [k, v] of Object.entries(headers ?? {})) res.headers.set(k, v);
  return res;
}

function secured(res: NextResponse, requestId: string, csp: string | undefined, framable = false): NextResponse {
  res.headers.set("x-request-id", requestId);
  if (csp) res.headers.set("content-security-policy", csp);
  for (const [k, v] of Object.entries(commonSecurityHeaders(env().NEXTAUTH_URL.startsWith("https:"), framable)))
    res.headers.set(k, v);
  return res;
}

export const config = {
  matcher: [
    "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
    // Webhooks (Twilio, mail) send no Origin, so they never pay for the proxy; browsers always do cross-origin.
    { source: "/api/:path*", has: [{ type: "header", key: "origin" }] },
  ],
};
