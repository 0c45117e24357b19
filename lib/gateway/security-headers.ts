// Security headers. Pages get a Content-Security-Policy with a per-request
// nonce (Next.js puts it on its own scripts when it finds it in the request's
// CSP header); API responses get a policy that allows nothing, since JSON and
// TwiML need nothing.

export interface PagePolicyOptions {
  nonce: string;
  /** dev mode needs eval for React's debugging tools */
  dev: boolean;
  /** extra origins forms may post to or redirect through (the OIDC provider's sign-in) */
  formTargets: string[];
  /** who may frame the page: nobody, except a chat site's own origins for its widget */
  frameAncestors?: string[];
}

export function pageCsp({ nonce, dev, formTargets, frameAncestors = [] }: PagePolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (React style props, the email frame's stylesheet).
    "style-src 'self' 'unsafe-inline'",
    // https: so an agent can choose to load an email's remote images; scripts stay locked down.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formTargets.length ? ` ${formTargets.join(" ")}` : ""}`,
    // Nobody may frame the app but a chat site, its widget page.
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(" ") : "'none'"}`,
  ].join("; ");
}

export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Headers every response carries; HSTS only when the app is served over https. */
export function commonSecurityHeaders(https: boolean, framable = false): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    // Old browsers' version of frame-ancestors; a widget page relies on its CSP instead.
    ...(framable ? {} : { "x-frame-options": "DENY" }),
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** What every API answer carries, error or not: the API's CSP and the common headers. */
export function apiSecurityHeaders(https: boolean): Record<string, string> {
  return { "content-security-policy": API_CSP, ...commonSecurityHeaders(https) };
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
