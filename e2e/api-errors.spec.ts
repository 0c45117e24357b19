// The built app's API, called as a mobile app or a script would: bad requests get
// a 4xx with the JSON error shape, never a 500 — including next-auth's endpoints.
import { expect, test } from "@playwright/test";

const authCases: Array<{ method: "GET" | "POST"; path: string; contentType?: string; data?: string }> = [
  { method: "POST", path: "/api/auth/callback/password", contentType: "application/json", data: "{not json" },
  { method: "POST", path: "/api/auth/signin/password", contentType: "application/json", data: "[[[" },
  { method: "POST", path: "/api/auth/nope", contentType: "application/x-www-form-urlencoded", data: "a=%%%" },
  { method: "POST", path: "/api/auth/session", contentType: "application/x-www-form-urlencoded", data: "x=1" },
  { method: "GET", path: "/api/auth/unknown-action" },
];

for (const c of authCases) {
  test(`${c.method} ${c.path} with ${c.data ?? "no body"} answers a 4xx JSON error or a redirect, never a 5xx`, async ({
    request,
  }) => {
    const res = await request.fetch(c.path, {
      method: c.method,
      headers: c.contentType ? { "content-type": c.contentType } : undefined,
      // A Buffer is sent as is; a string would be JSON-encoded (into valid JSON) by Playwright.
      data: c.data === undefined ? undefined : Buffer.from(c.data),
      maxRedirects: 0,
    });
    expect(res.status(), await res.text()).toBeLessThan(500);
    if (res.status() >= 400) {
      expect((await res.json()).error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    } else {
      expect(res.status()).toBe(302);
    }
  });
}

test("the CSRF token that sign-in forms need is served", async ({ request }) => {
  const res = await request.get("/api/auth/csrf");
  expect(res.status()).toBe(200);
  expect((await res.json()).csrfToken).toMatch(/^[0-9a-f]{64}$/);
});

test("API errors carry the request id the response header names", async ({ request }) => {
  const res = await request.get("/api/conversations", { headers: { "x-request-id": "trace-1234567890" } });
  expect(res.status()).toBe(401);
  expect(res.headers()["x-request-id"]).toBe("trace-1234567890");
  expect((await res.json()).error).toEqual({
    code: "unauthenticated",
    message: "Sign in first",
    requestId: "trace-1234567890",
  });
});

test("the API is documented: OpenAPI 3.1 at /api/openapi.json and a readable page", async ({ page, request }) => {
  const doc = await (await request.get("/api/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toContain("/api/conversations/{id}/messages");
  await page.goto("/api-docs");
  const reply = page.getByRole("region", { name: "POST /api/conversations/{id}/messages" });
  await expect(reply).toContainText("Reply or add an internal note");
  await expect(reply).toContainText("Who may call: A signed-in agent or admin.");
  await expect(reply.getByText("body", { exact: true })).toBeVisible();
});

test("an unknown API path is a JSON 404 and a method a route lacks is a JSON 405, not Next's own pages", async ({
  request,
}) => {
  for (const [method, path, status, code] of [
    ["GET", "/api/no-such-thing", 404, "not_found"],
    ["POST", "/api/conversations/../merge", 404, "not_found"],
    ["DELETE", "/api/health", 405, "method_not_allowed"],
    ["POST", "/api/openapi.json", 405, "method_not_allowed"],
  ] as const) {
    const res = await request.fetch(path, { method, maxRedirects: 0 });
    expect(res.status(), `${method} ${path}`).toBe(status);
    expect(res.headers()["content-type"]).toMatch(/^application\/json/);
    expect((await res.json()).error.code).toBe(code);
    expect(res.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  }
});
