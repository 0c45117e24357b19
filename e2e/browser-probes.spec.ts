import { expect, test } from "@playwright/test";
import config from "../playwright.config";
import { APP_URL } from "./e2e-env";
import { allowLoopbackFromOtherOrigins, signUpCustomer, uniq } from "./helpers";

test.use(allowLoopbackFromOtherOrigins(config.use?.launchOptions));

test("a sign-in link that points elsewhere never leaves the site", async ({ page }) => {
  const name = uniq("Redirect Probe");
  const email = await signUpCustomer(page, name);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  for (const target of ["https://evil.example/phish", "//evil.example/phish", "/\\evil.example"]) {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`^${APP_URL}/portal`));
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
  }
});

test("a page on another site cannot make a signed-in customer's browser change data", async ({ page, context }) => {
  const subject = uniq("CSRF probe");
  await signUpCustomer(page, uniq("Csrf Victim"));
  // The attacker's page: an auto-submitting form and a credentialed fetch at our API.
  await context.route("http://evil.localhost:3100/attack", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><form id="f" method="POST" action="${APP_URL}/api/portal/conversations" enctype="text/plain">
        <input name='{"subject":"${subject}","body":"x","pad":"' value='"}'></form>
        <script>
          fetch("${APP_URL}/api/portal/conversations", { method: "POST", credentials: "include",
            headers: { "content-type": "text/plain" }, body: JSON.stringify({ subject: "${subject}", body: "y" }) })
            .catch(() => {}).finally(() => document.getElementById("f").submit());
        </script>`,
    }),
  );
  const attack = await context.newPage();
  await attack.goto("http://evil.localhost:3100/attack");
  await attack.waitForLoadState("networkidle");
  // Back on our site: nothing was created in the customer's name.
  await page.goto("/portal");
  await expect(page.getByRole("heading", { name: /conversations/i }).first()).toBeVisible();
  await expect(page.getByText(subject)).toHaveCount(0);
});
