// Where to go after sign-in: only a path on this site. Parsed the way a browser
// would parse it, so tricks like "//evil.example" or "/\evil.example" (a
// browser reads the backslash as a slash) are caught, not just prefixes.
const BASE = "http://this-site.invalid";

export function safeCallback(url: string | undefined): string | undefined {
  if (!url || !url.startsWith("/")) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url, BASE);
  } catch {
    return undefined;
  }
  return parsed.origin === BASE ? `${parsed.pathname}${parsed.search}${parsed.hash}` : undefined;
}
