// Pages only, fast path only: a request id, and an early redirect to sign-in for
// pages that need a session. API routes skip it (it costs every webhook about a
// millisecond): their request id and authorisation come from the route wrapper,
// and pages check authorisation again where the data is read.
import { NextResponse, type NextRequest } from "next/server";
import { isSessionCookie } from "./lib/gateway/session-cookies";

const PROTECTED_PAGES = ["/inbox", "/portal", "/dev", "/admin", "/settings"];

export function proxy(request: NextRequest) {
  const requestId = request.headers.get("x-request-id")?.match(/^[\w-]{8,100}$/)?.[0] ?? crypto.randomUUID();
  const { pathname, search } = request.nextUrl;
  const needsSession = PROTECTED_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = request.cookies.getAll().some((c) => isSessionCookie(c.name));
  if (needsSession && !hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("x-request-id", requestId);
  return res;
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
