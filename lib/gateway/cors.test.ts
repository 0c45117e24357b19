import { describe, expect, it } from "vitest";
import { corsHeaders, parseOrigins } from "./cors";

describe("CORS", () => {
  const allowed = parseOrigins("https://app.example.com/, https://m.example.com");

  it("answers listed origins only, never with credentials", () => {
    expect(allowed).toEqual(["https://app.example.com", "https://m.example.com"]);
    const h = corsHeaders("https://app.example.com", allowed, false)!;
    expect(h["access-control-allow-origin"]).toBe("https://app.example.com");
    expect(h).not.toHaveProperty("access-control-allow-credentials");
    expect(corsHeaders("https://evil.example", allowed, false)).toBeNull();
    expect(corsHeaders(null, allowed, false)).toBeNull();
  });

  it("tells a preflight which methods and headers (the bearer token) may follow", () => {
    const h = corsHeaders("https://m.example.com", allowed, true)!;
    expect(h["access-control-allow-headers"]).toContain("authorization");
    expect(h["access-control-allow-methods"]).toContain("PATCH");
  });
});
