import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, DEMO_PASSWORD } from "./e2e-env";
import { signInWithPassword, uniq, openFromNav } from "./helpers";

test("an admin adds a sub-menu, the simulator walks it to voicemail, and the voicemail is a conversation with its transcript", async ({
  page,
}) => {
  const tag = uniq("returns").split(" ")[1]!;
  await signInWithPassword(page, ADMIN_EMAIL, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/inbox/);
  await openFromNav(page, "Phone menu");
  await expect(page.getByRole("heading", { name: "Phone menu" })).toBeVisible();

  // A new sub-menu for returns, with a voicemail option
  await page.getByRole("button", { name: "Add menu" }).click();
  const returns = page.getByTestId("ivr-menu").last();
  await returns.getByLabel("Menu id").fill(`returns-${tag}`);
  await returns.getByLabel("Name").fill("Returns");
  await returns.getByLabel("Prompt (spoken)").fill(`Returns desk ${tag}. Press 1 to leave a message.`);
  await returns.getByRole("button", { name: "Add option" }).click();
  const leaveMessage = returns.getByTestId("ivr-option").last();
  await expect(leaveMessage.getByLabel("Key")).toHaveValue("1");
  await leaveMessage.getByLabel("Action").selectOption("voicemail");
  await leaveMessage.getByLabel("Prompt").fill("Tell us about your return after the tone.");

  // Key 7 of the main menu leads there
  const main = page.getByTestId("ivr-menu").first();
  await main.getByRole("button", { name: "Add option" }).click();
  const seven = main.getByTestId("ivr-option").last();
  await seven.getByLabel("Key").fill("7");
  await seven.getByLabel("Speech phrases").fill("returns, refund");
  await seven.getByLabel("Action").selectOption("menu");
  await seven.getByRole("combobox", { name: "Menu", exact: true }).selectOption(`returns-${tag}`);

  // A mistake is explained, not saved
  await page.getByLabel("Monday").fill("nine to five");
  await page.getByRole("button", { name: "Save phone menu" }).click();
  await expect(page.locator(".field-error")).toHaveText('"nine to five" is not like 09:00-17:00');
  await expect(page.getByLabel("Monday")).toBeFocused();
  await page.getByLabel("Monday").fill("00:00-24:00");
  await returns.getByLabel("Menu id").fill("Returns Desk!");
  await page.getByRole("button", { name: "Save phone menu" }).click();
  await expect(page.getByTestId("ivr-errors")).toContainText("Menu ids are 1–40 lower-case letters");
  await returns.getByLabel("Menu id").fill(`returns-${tag}`);
  await seven.getByRole("combobox", { name: "Menu", exact: true }).selectOption(`returns-${tag}`);
  await page.getByRole("button", { name: "Save phone menu" }).click();
  await expect(page.getByText("Saved. New calls use this menu now.")).toBeVisible();

  // Call it from the simulator
  await page.getByRole("link", { name: "Try it in the simulator" }).first().click();
  const from = `+1202555${String(Math.floor(Math.random() * 9000) + 1000)}`;
  await page.getByLabel("Calling from").fill(from);
  await page.getByRole("button", { name: "Call the helpdesk" }).click();
  const transcript = page.getByRole("list", { name: "Call transcript" });
  await expect(transcript).toContainText("Thanks for calling");
  await page.getByRole("group", { name: "Keypad" }).getByRole("button", { name: "7" }).click();
  await expect(transcript).toContainText(`Returns desk ${tag}. Press 1 to leave a message.`);
  await page.getByRole("group", { name: "Keypad" }).getByRole("button", { name: "1" }).click();
  await expect(transcript).toContainText("Tell us about your return after the tone.");
  const said = `My blender ${tag} arrived cracked, I would like a refund`;
  await page.getByLabel(/Your message after the tone/).fill(said);
  await page.getByRole("button", { name: "Leave the message" }).click();
  await expect(transcript).toContainText("Thank you. We have your message.");
  await expect(transcript).toContainText("Call ended after");

  // The agent side: the voicemail is a conversation with its transcript and the path the caller took
  await page.getByRole("link", { name: /conversation #\d+/ }).click();
  const pane = page.getByRole("article");
  await expect(pane.getByTestId("timeline-message").filter({ hasText: said })).toContainText("Voicemail (");
  await expect(pane.locator(".timeline-event").filter({ hasText: "Call ended: voicemail" })).toContainText(
    "Main menu: pressed 7 › Returns › Returns: pressed 1 › Voicemail",
  );
});
