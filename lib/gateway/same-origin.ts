// CSRF defence for cookie-authenticated writes: a browser names the page that
// sent a request (Origin, Sec-Fetch-Site); a write from another site is refused.
// Requests without those headers (servers, mobile apps, curl) carry no ambient
// cookies to abuse, and bearer-token requests can't be forged by a page at all.
import { AppError } from "../errors";
import { peerIsTrustedProxy, trustedProxies } from "./client-address";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Methods that change nothing: no CSRF check, no sign-in budget. */
export const isSafeMethod = (method: string) => SAFE_METHODS.has(method);

export function checkSameOrigin(req: Request, allowedOrigins: string[]): void {
  if (isSafeMethod(req.method) || req.headers.has("authorization")) return;
  const refuse = () => new AppError(403, "cross_site_request", "Cross-site requests may not change data here");
  if (req.headers.get("sec-fetch-site") === "cross-site") throw refuse();
  const origin = req.headers.get("origin");
  if (origin === null) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw refuse(); // "null" (sandboxed frames, file:) or garbage
  }
  const header = (n: string) => req.headers.get(n);
  const ownHosts = [
    // Only a proxy we trust may say which host the browser asked for; a client could say anything.
    peerIsTrustedProxy(header, trustedProxies()) ? req.headers.get("x-forwarded-host") : null,
    req.headers.get("host"),
    new URL(req.url).host,
    ...allowedOrigins.map((o) => new URL(o).host),
  ];
  if (!ownHosts.includes(host)) throw refuse();
}
