// The reply box as agents use it all day: a canned reply with variables, a
// draft that survives a reload, "Send and solve", Ctrl+Enter, and shortcuts.
import { expect, test } from "@playwright/test";
import { openFromNav, signInAsAgent, uniq } from "./helpers";

test("an agent answers with a canned reply filled in for the customer, keeps the draft across a reload, sends and solves; shortcuts", async ({
  page,
  request,
}) => {
  const tag = uniq("cr").split(" ")[1]!;
  const session = await (
    await request.post("/api/widget/session", { data: { siteKey: "demo", host: "http://localhost:8080/" } })
  ).json();
  const chat = await request.post("/api/widget/messages", {
    headers: { authorization: `Visitor ${session.token}` },
    data: { body: `My order ${tag} is late`, name: "Nora Quinn", email: `nora.${tag}@example.com` },
  });
  expect(chat.status()).toBe(201);
  const conversationId = (await chat.json()).conversationId as number;

  await signInAsAgent(page);
  await openFromNav(page, "Canned replies");
  await page.getByRole("button", { name: "New canned reply" }).click();
  const form = page.getByRole("form", { name: "New canned reply" });
  await form.getByLabel("Title").fill(`Late order ${tag}`);
  await form.getByLabel(/Shortcut/).fill(`late${tag}`);
  await form.getByLabel("Text").fill("Hi {{customer.age}}");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText(/\{\{customer\.age\}\} is not a variable/)).toBeVisible();
  await expect(form.getByLabel("Text")).toBeFocused();
  await form
    .getByLabel("Text")
    .fill("Hi {{customer.first_name}}, {{agent.first_name}} here: order #{{conversation.id}} ships today.");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("list", { name: "Canned replies" })).toContainText(`/late${tag}`);

  await page.goto(`/inbox/${conversationId}`);
  const box = page.getByLabel("Reply to the customer");
  await expect(box).toBeFocused();
  await box.pressSequentially(`Thanks! /late${tag.slice(0, 3)}`);
  await expect(page.getByRole("listbox", { name: "Canned replies" })).toContainText(`Late order ${tag}`);
  await box.press("Enter");
  await expect(box).toHaveValue(`Thanks! Hi Nora, Alex here: order #${conversationId} ships today.`);

  // A reload keeps what was written.
  await page.reload();
  await expect(page.getByLabel("Reply to the customer")).toHaveValue(
    `Thanks! Hi Nora, Alex here: order #${conversationId} ships today.`,
  );
  await page.getByRole("button", { name: "Send and solve" }).click();
  await expect(
    page.getByTestId("timeline-message").filter({ hasText: `order #${conversationId} ships today` }),
  ).toBeVisible();
  await expect(page.locator(".controls").getByLabel("Status")).toHaveValue("solved");
  await expect(page.getByLabel("Reply to the customer")).toHaveValue("");

  // Shortcuts: n for a note (Ctrl+Enter sends it), ? for the list; none fire while typing.
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("n");
  const note = page.getByLabel("Internal note", { exact: true });
  await expect(note).toBeFocused();
  await note.fill(`typed n and ? here ${tag}`);
  await note.press("Control+Enter");
  await expect(page.getByTestId("timeline-message").filter({ hasText: `typed n and ? here ${tag}` })).toContainText(
    "Internal note",
  );
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
});
