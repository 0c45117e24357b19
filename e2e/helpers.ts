import { expect, type Page } from "@playwright/test";
import { AGENT_EMAIL, DEMO_PASSWORD } from "./e2e-env";

export const uniq = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function signInWithPassword(page: Page, email: string, password: string, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signInAsAgent(page: Page) {
  await signInWithPassword(page, AGENT_EMAIL, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/inbox/);
}

export async function signUpCustomer(page: Page, name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}@customer.test`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/Password/).fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/portal$/);
  return email;
}
