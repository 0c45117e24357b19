import { expect, test } from "@playwright/test";
import { APP_URL } from "./e2e-env";
import { signInAsAgent, uniq, openFromNav } from "./helpers";

test("an agent creates an API token, a mobile client uses it as a bearer token, and revoking it locks the client out", async ({
  page,
  playwright,
}) => {
  const name = uniq("Phone app");
  await signInAsAgent(page);
  await openFromNav(page, "API tokens");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("checkbox", { name: /conversations:write/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!;
  expect(token).toMatch(/^odk_/);
  const row = page.getByTestId("token-row").filter({ hasText: name });
  await expect(row).toContainText("conversations:read, conversations:write");

  // A mobile client: no cookies, only the bearer token.
  const mobile = await playwright.request.newContext({ baseURL: APP_URL });
  const inbox = await mobile.get("/api/conversations?limit=5", { headers: { authorization: `Bearer ${token}` } });
  expect(inbox.status()).toBe(200);
  expect((await inbox.json()).items.length).toBeGreaterThan(0);
  expect((await mobile.get("/api/tokens", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(403);

  await page.reload();
  await expect(row).not.toContainText("never"); // last used is recorded
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("revoked");
  const after = await mobile.get("/api/conversations", { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("invalid_token");
  await mobile.dispose();
});
