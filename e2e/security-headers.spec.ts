import { expect, test } from "@playwright/test";

test("pages carry a nonce CSP that Next's own scripts satisfy and injected scripts do not", async ({
  page,
  request,
}) => {
  const res = await page.goto("/signin");
  const headers = res!.headers();
  const csp = headers["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Every script Next rendered carries this request's nonce, and the page works (the form is interactive).
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
  // Injected markup with an inline handler (what an XSS would smuggle in) is refused by the browser.
  const violation = page.waitForEvent("console", (m) => /Content Security Policy/i.test(m.text()));
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", '<img src="/nope.png" onerror="window.__injected = true">');
  });
  await violation;
  expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
  // A second load gets a different nonce.
  const again = (await request.get("/signin")).headers()["content-security-policy"]!;
  expect(/'nonce-([^']+)'/.exec(again)?.[1]).not.toBe(nonce);

  const api = await request.get("/api/health");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});
