import { expect, test } from "@playwright/test";
import { inboundSms, sid } from "../tests/helpers/twilio";
import { ADMIN_EMAIL, APP_URL, DEMO_PASSWORD } from "./e2e-env";
import { postAsTwilio, signInWithPassword, uniq } from "./helpers";

test("an agent tags a conversation, gives it the team's own status, merges the customer's other record (and undoes it once), then merges the two conversations", async ({
  page,
  request,
}) => {
  await signInWithPassword(page, ADMIN_EMAIL, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/inbox/);

  // An admin's own status
  const statusName = uniq("Waiting on engineering");
  await page.goto("/admin/automation");
  const statusForm = page.getByRole("form", { name: "Add a status" });
  await statusForm.getByLabel("Status name").fill(statusName);
  await statusForm.getByLabel("Counts as").selectOption("pending");
  await statusForm.getByRole("button", { name: "Add status" }).click();
  await expect(page.getByTestId("custom-status").filter({ hasText: statusName })).toContainText("counts as pending");

  // The same person texts from two numbers: two customers, two conversations
  const suffix = String(Math.floor(Math.random() * 9000) + 1000);
  const [phoneA, phoneB] = [`+1415558${suffix}`, `+1415559${suffix}`];
  const [first, second] = [uniq("From my old phone"), uniq("From my new phone")];
  for (const [from, body] of [
    [phoneA, first],
    [phoneB, second],
  ]) {
    const res = await postAsTwilio(
      request,
      `${APP_URL}/api/twilio/sms`,
      inboundSms({ From: from!, Body: body!, MessageSid: sid("SM") }),
    );
    expect(res.status()).toBe(200);
  }
  await page.goto("/inbox");
  const list = page.getByRole("list", { name: "Conversations" });
  await list.getByRole("link", { name: new RegExp(second) }).click();
  await expect(page).toHaveURL(/\/inbox\/\d+/);
  const secondId = Number(/\/inbox\/(\d+)/.exec(page.url())![1]);

  // Tags and the custom status
  await page.getByText("Tags and merging").click();
  await page.getByRole("form", { name: "Tags" }).getByLabel(/Tags/).fill("VIP, phone change");
  await page.getByRole("button", { name: "Save tags" }).click();
  await expect(page.getByText("added tags phone change, vip")).toBeVisible();
  await page.locator(".controls").getByLabel("Status").selectOption({ label: statusName });
  await expect(page.getByText(new RegExp(`changed status \\w+ → Pending \\(${statusName}\\)`))).toBeVisible();
  const item = list.getByRole("link", { name: new RegExp(second) });
  await expect(item).toContainText(statusName);
  await expect(item).toContainText("vip");

  // Merge the other customer record in — undo — and merge again
  await page.getByText("Tags and merging").click();
  const mergeCustomers = page.getByRole("region", { name: "Merge customers" });
  await mergeCustomers.getByLabel(/Same person as another customer/).fill(phoneA);
  const result = mergeCustomers.getByTestId("customer-result").filter({ hasText: phoneA });
  await expect(result).toContainText("1 conversation");
  await result.getByRole("button", { name: /^Merge into/ }).click();
  await expect(mergeCustomers.getByRole("status")).toContainText(`Merged ${phoneA} into ${phoneB}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Both numbers now, shown as people write them (+1 415 555 0123)
  const shown = (e164: string) => e164.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, "+1 $1 $2 $3");
  await expect(page.getByTestId("customer-line")).toContainText(shown(phoneA));
  await mergeCustomers.getByRole("button", { name: "Undo" }).click();
  // Undone: the header lists only this customer's own number again
  await expect(page.getByTestId("customer-line")).not.toContainText(shown(phoneA));
  await mergeCustomers.getByLabel(/Same person as another customer/).fill(`${phoneA.slice(0, -1)}`);
  await mergeCustomers
    .getByTestId("customer-result")
    .filter({ hasText: phoneA })
    .getByRole("button", { name: /^Merge into/ })
    .click();
  await expect(mergeCustomers.getByRole("status")).toContainText("Merged");

  // Now one customer: the old conversation merges into this one
  await list.getByRole("link", { name: new RegExp(first) }).click();
  await expect(page).toHaveURL(new RegExp(`/inbox/(?!${secondId}\\b)\\d+`));
  await expect(page.getByTestId("timeline-message").filter({ hasText: first })).toBeVisible();
  await page.getByText("Tags and merging").click();
  await page
    .getByRole("form", { name: "Merge conversation" })
    .getByLabel(/Merge this conversation into/)
    .fill(String(secondId));
  await page.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(page.getByRole("form", { name: "Merge conversation" }).getByRole("status")).toContainText(
    `Moved 1 message into #${secondId}`,
  );
  await page.goto(`/inbox/${secondId}`);
  const timeline = page.getByTestId("timeline-message");
  await expect(timeline.filter({ hasText: first })).toBeVisible();
  await expect(timeline.filter({ hasText: second })).toBeVisible();
  await expect(page.getByText(/merged #\d+ into this conversation \(1 message\)/)).toBeVisible();
});
