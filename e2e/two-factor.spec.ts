import * as OTPAuth from "otpauth";
import { expect, test } from "@playwright/test";
import { signInWithPassword, signUpCustomer, uniq } from "./helpers";

const code = (secret: string, offsetMs = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + offsetMs });

test("a customer turns on two-factor sign-in; signing in then asks for the app's code, and a recovery code works once", async ({
  page,
}) => {
  const email = await signUpCustomer(page, uniq("Two Factor"));
  await page.getByRole("link", { name: "Security" }).click();
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.locator(".qr svg")).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!;
  await page.getByLabel("Code from the app").fill(code(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByRole("status")).toContainText("Two-factor sign-in is on");
  const recovery = (await page.getByTestId("recovery-codes").locator("code").allTextContents())[0]!;

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signInWithPassword(page, email, "a long enough password");
  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not right" })).toBeVisible();
  // the enrolment code is spent: use the next period's
  await page.getByLabel("Authentication code").fill(code(secret, 30_000));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/portal$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signInWithPassword(page, email, "a long enough password");
  await page.getByLabel("Authentication code").fill(recovery);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/portal$/);
});
