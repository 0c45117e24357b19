import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./e2e-env";
import { signInWithPassword, openFromNav } from "./helpers";

// Sam, not Alex: signing out everywhere must not end the sessions other journeys run on.
const signInAsSam = async (page: import("@playwright/test").Page) => {
  await signInWithPassword(page, "sam@demo.test", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/inbox/);
};

test("an agent signed in on two browsers signs out everywhere else from one; the other is sent to sign in", async ({
  browser,
}) => {
  const laptop = await browser.newContext({ userAgent: "E2E Laptop" });
  const phone = await browser.newContext({ userAgent: "E2E Phone" });
  const a = await laptop.newPage();
  const b = await phone.newPage();
  await signInAsSam(a);
  await signInAsSam(b);

  await openFromNav(a, "Sessions");
  const rows = a.getByTestId("session-row");
  await expect(rows.filter({ hasText: "E2E Laptop" })).toContainText("this browser");
  await expect(rows.filter({ hasText: "E2E Phone" })).toBeVisible();
  await a.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(a.getByRole("status")).toContainText(/Signed out \d+ other session/);
  await expect(rows.filter({ hasText: "E2E Phone" })).toHaveCount(0);

  await b.goto("/inbox");
  await expect(b).toHaveURL(/\/signin/);
  await a.goto("/inbox");
  await expect(a).toHaveURL(/\/inbox/);
  await laptop.close();
  await phone.close();
});
