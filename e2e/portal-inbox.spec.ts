import { expect, test } from "@playwright/test";
import { signInAsAgent, signUpCustomer, uniq, openFromNav, setInboxFilter } from "./helpers";

test("a customer asks in the portal, an agent answers from the inbox, the customer sees the answer without reloading", async ({
  browser,
}) => {
  const customer = await (await browser.newContext()).newPage();
  const agent = await (await browser.newContext()).newPage();
  const subject = uniq("Broken blender");
  const question = `${subject}: it stopped after two days`;
  const answer = uniq("We are sending a replacement");
  const note = uniq("Internal: check warranty");

  await signUpCustomer(customer, uniq("Pat Customer"));
  await expect(customer.getByText("You have no conversations yet")).toBeVisible();
  await customer.getByLabel("Subject").fill(subject);
  await customer.getByLabel("Message").fill(question);
  await customer.getByRole("button", { name: "Start conversation" }).click();
  await expect(customer).toHaveURL(/\/portal\/c\/\d+$/);
  await expect(customer.getByTestId("portal-message").filter({ hasText: question })).toBeVisible();

  await signInAsAgent(agent);
  await agent.getByRole("link", { name: new RegExp(subject) }).click();
  await expect(agent.getByRole("heading", { name: new RegExp(subject) })).toBeVisible();
  await expect(agent.getByTestId("timeline-message").filter({ hasText: question })).toBeVisible();

  const pane = agent.getByRole("article");
  await pane.getByRole("button", { name: "Assign to me" }).click();
  await expect(pane.getByLabel("Assignee")).toHaveValue(/.+/);
  await expect(pane.getByLabel("Assignee").locator("option:checked")).toHaveText(/\(me\)/);
  await agent.getByRole("button", { name: "Internal note" }).click();
  await agent.getByLabel("Internal note").fill(note);
  await agent.getByRole("button", { name: "Add note" }).click();
  await expect(agent.getByTestId("timeline-message").filter({ hasText: note })).toBeVisible();
  await agent.getByRole("button", { name: "Reply", exact: true }).click();
  await agent.getByLabel("Reply to the customer").fill(answer);
  await agent.getByRole("button", { name: "Send reply" }).click();
  const sent = agent.getByTestId("timeline-message").filter({ hasText: answer });
  await expect(sent).toBeVisible();
  await expect(sent.getByText("delivered")).toBeVisible();

  // The customer's open page picks the answer up by itself.
  await expect(customer.getByTestId("portal-message").filter({ hasText: answer })).toBeVisible();
  await expect(customer.getByText(note)).toHaveCount(0);

  const followUp = uniq("Thanks, what about the receipt?");
  await customer.getByLabel("Your reply").fill(followUp);
  await customer.getByRole("button", { name: "Send" }).click();
  await expect(customer.getByTestId("portal-message").filter({ hasText: followUp })).toBeVisible();
  await expect(agent.getByTestId("timeline-message").filter({ hasText: followUp })).toBeVisible();

  await pane.getByLabel("Status").selectOption("solved");
  await expect(agent.locator(".timeline-event").filter({ hasText: /changed status \w+ → Solved/ })).toBeVisible();
  await expect(customer.getByText("Solved").first()).toBeVisible();
});

test("a customer cannot open someone else's conversation by its address", async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  await signUpCustomer(owner, uniq("Owner"));
  await owner.getByLabel("Subject").fill(uniq("Private matter"));
  await owner.getByLabel("Message").fill("only for me");
  await owner.getByRole("button", { name: "Start conversation" }).click();
  await expect(owner).toHaveURL(/\/portal\/c\/\d+$/);
  const url = owner.url();

  const other = await (await browser.newContext()).newPage();
  await signUpCustomer(other, uniq("Snoop"));
  await other.goto(url);
  await expect(other.getByRole("alert").filter({ hasText: "Conversation not found" })).toBeVisible();
  await expect(other.getByText("only for me")).toHaveCount(0);
});

test("the inbox filters by channel", async ({ page }) => {
  await signInAsAgent(page);
  await setInboxFilter(page, "Channel", "sms");
  await expect(page).toHaveURL(/channel=sms/);
  const items = page.getByRole("list", { name: "Conversations" }).getByRole("link");
  await expect(items.first()).toBeVisible();
  for (const text of await items.allInnerTexts()) expect(text).toContain("SMS");
  await setInboxFilter(page, "Channel", "voice");
  await expect(page).toHaveURL(/channel=voice/);
  // Other journeys add voice conversations in parallel: check the filter, not the order.
  await expect(items.filter({ hasText: "Frank Moore" })).toHaveCount(1);
  for (const text of await items.allInnerTexts()) expect(text).toContain("Phone");
});

test("signed-out visitors are sent to sign in, and wrong passwords are explained", async ({ page }) => {
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Finbox/);
  await page.getByLabel("Email").fill("alex@demo.test");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "don't match an account" })).toBeVisible();
});

test("the local outbox shows what was recorded instead of sent while no provider was configured", async ({ page }) => {
  await signInAsAgent(page);
  await openFromNav(page, "Local outbox");
  await expect(page).toHaveURL(/\/dev\/outbox$/);
  const row = page.getByTestId("local-outbox-row").filter({ hasText: "10am to 4pm on Sundays" });
  await expect(row).toContainText("Dev Patel <+447700900123>");
  await expect(row).toContainText("SMS");
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { name: /Is the shop open on Sunday/ })).toBeVisible();
});
