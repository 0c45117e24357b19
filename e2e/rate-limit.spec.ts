import { expect, test, type APIResponse } from "@playwright/test";
import { appEnv } from "./e2e-env";
import { signUpCustomer, uniq } from "./helpers";

// The sign-in budget is per client address. This journey's browser comes from
// its own address (as if behind the app's proxy), so it trips its own budget only.
test("the sign-in rate limit trips, says how long to wait, and lets the person in after that", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const email = await signUpCustomer(page, uniq("Patient"));

  const byte = () => Math.floor(Math.random() * 250) + 1;
  const ip = `10.${byte()}.${byte()}.${byte()}`;
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
  const p = await context.newPage();
  // Budgets slide over two one-minute windows. Spent early in a minute, with nothing in the minute before,
  // the budget stays spent until that minute ends — so the browser's attempt below is refused for sure.
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 3_000) await p.waitForTimeout(60_000 - intoMinute + 300);
  // Spend the address's budget (what a password-guessing script would do) with cheap requests on the same bucket.
  const budget = Number(appEnv.RATE_LIMIT_AUTH_PER_MINUTE);
  let refused: APIResponse | undefined;
  for (let sent = 0; !refused && sent < 3 * budget; sent += 50) {
    const batch = await Promise.all(
      Array.from({ length: 50 }, () =>
        context.request.post("/api/account/password-reset", { data: { email: "nobody@example.com" } }),
      ),
    );
    for (const res of batch) expect([202, 429]).toContain(res.status());
    refused = batch.find((res) => res.status() === 429);
  }
  expect(refused, "a 429 within three budgets' worth of requests").toBeDefined();
  expect(Number(refused!.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await refused!.json()).error.code).toBe("rate_limited");

  await p.goto("/signin");
  await p.getByLabel("Email").fill(email);
  await p.getByLabel("Password").fill("a long enough password");
  await p.getByRole("button", { name: "Sign in", exact: true }).click();
  const alert = p.getByRole("alert").filter({ hasText: "Too many" });
  await expect(alert).toContainText(/Too many requests\. Try again in \d+ s\./);
  const wait = Number(/in (\d+) s/.exec((await alert.textContent()) ?? "")?.[1]);
  expect(wait).toBeLessThanOrEqual(60);

  // Recovers: after the wait it names, the same browser signs in.
  await p.waitForTimeout(wait * 1000 + 500);
  await p.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(p).toHaveURL(/\/portal/);
  await context.close();
});
