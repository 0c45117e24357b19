import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, DEMO_PASSWORD } from "./e2e-env";
import { signInWithPassword, signUpCustomer, uniq, openFromNav } from "./helpers";

test("five wrong passwords lock the account (even the right one is refused), and admins see it in the audit log", async ({
  browser,
}) => {
  const customer = await browser.newContext();
  const page = await customer.newPage();
  const email = await signUpCustomer(page, uniq("Locked Out"));
  await page.getByRole("button", { name: "Sign out" }).click();
  // Sign-out navigates by itself: going to /signin before it lands aborts one of the two.
  await expect(page).toHaveURL(/\/signin/);
  for (let i = 0; i < 5; i++) {
    await signInWithPassword(page, email, `wrong password ${i}`);
    await expect(page.getByRole("alert").filter({ hasText: "don't match" })).toBeVisible();
  }
  await signInWithPassword(page, email, "a long enough password");
  await expect(page.getByRole("alert").filter({ hasText: "locked for 15 minutes" })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  await customer.close();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInWithPassword(admin, ADMIN_EMAIL, DEMO_PASSWORD);
  await openFromNav(admin, "Audit log");
  await admin.getByLabel("Events").selectOption("auth.*");
  await admin.getByLabel("Details contain").fill(email);
  const rows = admin.getByTestId("audit-row");
  await expect(rows.filter({ hasText: "auth.sign_in_locked" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "auth.sign_in_failed" })).toHaveCount(5);
  await adminContext.close();
});
