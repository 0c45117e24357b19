import { expect, test } from "@playwright/test";
import { APP_URL } from "./e2e-env";
import { uniq } from "./helpers";

test("an agent signs in through the OIDC provider and is provisioned just in time", async ({ page }) => {
  const login = uniq("jane").replace(" ", "-");
  await ssoSignIn(page, login);

  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(`SSO ${login}`);
  await expect(page.getByRole("list", { name: "Conversations" })).toBeVisible();
});

// Mix-up/CSRF: the browser's state (or nonce) cookie belongs to another sign-in
// attempt than the answer coming back from the provider. Only that one check differs.
for (const check of ["state", "nonce"] as const) {
  test(`an OIDC answer whose ${check} belongs to another sign-in attempt is rejected`, async ({ page, context }) => {
    const startSso = async (p: typeof page) => {
      await p.goto("/signin?callbackUrl=/inbox");
      await p.getByRole("button", { name: "Sign in with Test SSO" }).click();
      await expect(p).toHaveURL(/127\.0\.0\.1:3199/);
    };
    await startSso(page);
    const first = await context.cookies(APP_URL);
    const other = await context.newPage();
    await startSso(other);
    const second = await context.cookies(APP_URL);
    const name = `next-auth.${check}`;
    const swapped = second.find((c) => c.name === name);
    expect(swapped, `${name} cookie`).toBeTruthy();
    expect(swapped!.value).not.toBe(first.find((c) => c.name === name)?.value);
    await context.addCookies(
      first.filter((c) => c.name.startsWith("next-auth.")).map((c) => (c.name === name ? swapped! : c)),
    );

    await page.locator('input[name="login"]').fill(uniq("mallory").replace(" ", "-"));
    await page.locator('input[name="password"]').fill("anything");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/signin\?.*error=/);
    await expect(page.getByRole("alert").filter({ hasText: "Single sign-on failed" })).toBeVisible();
    await page.goto("/inbox");
    await expect(page).toHaveURL(/\/signin/);
  });
}

/** Through the provider's own pages, on its own origin. */
async function ssoSignIn(page: import("@playwright/test").Page, login: string) {
  await page.goto("/signin?callbackUrl=/inbox");
  await page.getByRole("button", { name: "Sign in with Test SSO" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:3199/);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("the groups claim decides the role: a helpdesk-admins member is provisioned as an admin", async ({ page }) => {
  await ssoSignIn(page, uniq("admin").replace(" ", "-"));
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.locator("#shell-nav .nav-menu > summary")).toHaveText("Settings & admin");
});

test("someone in neither helpdesk group is refused, with a reason", async ({ page }) => {
  await ssoSignIn(page, uniq("visitor").replace(" ", "-"));
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("alert").filter({ hasText: "may not use this helpdesk" })).toBeVisible();
});

test("a member of the customer group signs in through SSO as a customer and lands in the portal", async ({ page }) => {
  const login = uniq("cust").replace(" ", "-");
  await ssoSignIn(page, login);
  await expect(page).toHaveURL(/\/portal/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(`SSO ${login}`);
  // A customer, not staff: the inbox sends them back to the portal.
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/portal/);
});
