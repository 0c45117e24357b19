// CORS for the API: browser apps on listed origins (a mobile web app, a partner
// dashboard) may call it with bearer tokens. Never with cookies — no
// Allow-Credentials — so a listed origin still cannot ride a signed-in
// agent's session. Unlisted origins get no CORS headers: the browser keeps
// the answer from them.

export function parseOrigins(list: string): string[] {
  return list
    .split(",")
    .map((o) => o.trim().replace(/\/$/, ""))
    .filter(Boolean);
}

export function corsHeaders(
  origin: string | null,
  allowed: string[],
  preflight: boolean,
): Record<string, string> | null {
  if (!origin || !allowed.includes(origin)) return null;
  return {
    "access-control-allow-origin": origin,
    vary: "Origin",
    ...(preflight
      ? {
          "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
          "access-control-allow-headers": "authorization, content-type, x-request-id",
          "access-control-max-age": "600",
        }
      : { "access-control-expose-headers": "x-request-id, retry-after" }),
  };
}
