import { expect, test } from "@playwright/test";
import config from "../playwright.config";
import { APP_URL } from "./e2e-env";
import { allowLoopbackFromOtherOrigins } from "./helpers";

test.use(allowLoopbackFromOtherOrigins(config.use?.launchOptions));

test("a listed origin's browser app may call the API with a bearer token; others get no CORS headers", async ({
  page,
  request,
}) => {
  // Preflight for a bearer-token request from the listed origin
  const preflight = await request.fetch(`${APP_URL}/api/conversations`, {
    method: "OPTIONS",
    headers: {
      origin: "http://localhost:3100",
      "access-control-request-method": "GET",
      "access-control-request-headers": "authorization",
    },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("http://localhost:3100");
  expect(preflight.headers()["access-control-allow-headers"]).toContain("authorization");
  expect(preflight.headers()["access-control-allow-credentials"]).toBeUndefined();
  const evil = await request.get(`${APP_URL}/api/health`, { headers: { origin: "https://evil.example" } });
  expect(evil.headers()["access-control-allow-origin"]).toBeUndefined();

  // A real browser on the other origin reads the API's answer (and its error body) cross-origin.
  // A partner's page of its own (not ours: our pages' CSP keeps fetches to our origin) on the listed origin.
  await page.route("http://localhost:3100/partner-app", (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Partner app</title>" }),
  );
  await page.goto("http://localhost:3100/partner-app");
  const answer = await page.evaluate(async (api) => {
    const res = await fetch(`${api}/api/conversations`, { headers: { authorization: "Bearer odk_not-a-token" } });
    return { status: res.status, body: await res.json(), requestId: res.headers.get("x-request-id") };
  }, APP_URL);
  expect(answer.status).toBe(401);
  expect(answer.body.error.code).toBe("invalid_token");
  expect(answer.requestId).toBeTruthy();
});
