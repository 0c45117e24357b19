import { expect, test } from "@playwright/test";
import { SUPPORT_ADDRESS } from "./e2e-env";
import { linkMailedTo, signInWithPassword, signUpCustomer, swaks, uniq } from "./helpers";

test("a customer who forgot the password resets it by email; the old session ends and the new password works", async ({
  page,
  browser,
}) => {
  const email = await signUpCustomer(page, uniq("Forgetful"));
  // Another browser of the same customer, signed in already: the reset ends it.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInWithPassword(otherPage, email, "a long enough password");
  await expect(otherPage).toHaveURL(/\/portal/);

  const fresh = await browser.newContext();
  const p = await fresh.newPage();
  await p.goto("/signin");
  await p.getByRole("link", { name: "Forgot your password?" }).click();
  await p.getByLabel("Email").fill(email);
  await p.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(p.getByRole("status")).toContainText("If an account uses this address");

  const link = await linkMailedTo(email, /Reset your/);
  expect(link).toMatch(/\/reset-password\?token=/);
  await p.goto(link);
  await p.getByLabel(/New password/).fill("a brand new password");
  await p.getByLabel("Repeat it").fill("a brand new passwort");
  await p.getByRole("button", { name: "Set new password" }).click();
  await expect(p.getByRole("alert").filter({ hasText: "The two passwords differ" })).toBeVisible();
  await p.getByLabel(/New password/).fill("a brand new password");
  await p.getByLabel("Repeat it").fill("a brand new password");
  await p.getByRole("button", { name: "Set new password" }).click();
  await expect(p.getByRole("status")).toContainText("Your password is changed");

  // The link is spent.
  await p.goto(link);
  await p.getByLabel(/New password/).fill("yet another password");
  await p.getByLabel("Repeat it").fill("yet another password");
  await p.getByRole("button", { name: "Set new password" }).click();
  await expect(p.getByRole("alert").filter({ hasText: "expired or was already used" })).toBeVisible();

  await otherPage.goto("/portal");
  await expect(otherPage).toHaveURL(/\/signin/);
  await signInWithPassword(p, email, "a long enough password");
  await expect(p.getByRole("alert").filter({ hasText: "don't match" })).toBeVisible();
  await signInWithPassword(p, email, "a brand new password");
  await expect(p).toHaveURL(/\/portal/);
  await Promise.all([other.close(), fresh.close()]);
});

test("someone we only know by email signs in with an emailed link and finds their conversation", async ({ page }) => {
  const tag = uniq("link").split(" ")[1]!;
  const address = `mailonly.${tag}@example.com`;
  const subject = `Where is my parcel ${tag}`;
  swaks(
    [
      `From: Morgan <${address}>`,
      `To: ${SUPPORT_ADDRESS}`,
      `Subject: ${subject}`,
      `Message-ID: <parcel-${tag}@example.com>`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      "It has not arrived.",
      "",
    ].join("\n"),
    address,
  );

  await page.goto("/signin");
  await page.getByRole("link", { name: "Email me a sign-in link" }).click();
  await page.getByLabel("Email").fill(address);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("a sign-in link is on its way");

  const link = await linkMailedTo(address, /sign-in link/);
  // Opening the link (as a mail scanner would) spends nothing; the button signs in.
  await page.goto(link);
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/portal/);
  await expect(page.getByText(subject)).toBeVisible({ timeout: 15_000 });

  // Once only.
  await page.context().clearCookies();
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "expired or was already used" })).toBeVisible();
});
