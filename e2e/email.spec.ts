import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { SUPPORT_ADDRESS } from "./e2e-env";
import { sentMail, signInAsAgent, swaks, uniq, setInboxFilter } from "./helpers";

test("hostile HTML mail arrives over SMTP, shows inert, and the agent's reply goes out by SMTP; the customer's answer threads back", async ({
  page,
}) => {
  const tag = uniq("mail").split(" ")[1]!;
  const from = `mallory.${tag}@example.com`;
  const subject = `Invoice question ${tag}`;
  const xss = readFileSync("tests/fixtures/email/xss.eml", "utf8")
    .replace("From: Mallory <mallory@example.com>", `From: Mallory <${from}>`)
    .replace("Subject: XSS probe", `Subject: ${subject}`)
    .replace("<xss-0001@example.com>", `<xss-${tag}@example.com>`)
    .replace("<p>Hello</p>", `<p>Hello ${tag}</p><img alt="tracker" src="https://images.example.com/${tag}.png">`);
  expect(swaks(xss)).toMatch(/<- {2}250 OK: message queued/);

  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signInAsAgent(page);
  await setInboxFilter(page, "Channel", "email");
  // The filter navigates; a click before that lands would be undone by it.
  await expect(page).toHaveURL(/channel=email/);
  await page.getByRole("link", { name: new RegExp(subject) }).click();
  const frame = page.frameLocator('iframe[title="Email content"]');
  await expect(frame.locator("body")).toContainText(`Hello ${tag}`);
  await expect(frame.getByRole("link", { name: "fine link" })).toHaveAttribute("href", "https://example.com/ok");
  // Nothing ran, in the page or the frame; the remote image waits for a click.
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  const frameHandle = await page.locator('iframe[title="Email content"]').elementHandle();
  const content = await frameHandle!.contentFrame();
  expect(await content!.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(await content!.evaluate(() => document.querySelectorAll("script, svg, iframe, form, [onerror]").length)).toBe(
    0,
  );
  await expect(frame.getByAltText("tracker")).not.toHaveAttribute("src", /.+/);
  await page.getByRole("button", { name: /Remote images are blocked/ }).click();
  await expect(frame.getByAltText("tracker")).toHaveAttribute("src", `https://images.example.com/${tag}.png`);
  expect(dialogs).toEqual([]);
  await expect(page.getByRole("link", { name: "View original" })).toHaveAttribute("href", /\/api\/messages\/.+\/raw$/);

  // The reply goes out over SMTP, threaded to the customer's mail.
  await page.getByLabel("Reply to the customer").fill(`Thanks ${tag}, we are looking into it.`);
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect
    .poll(async () => (await sentMail((m) => !!m.text?.includes(tag)))?.inReplyTo, { timeout: 15_000 })
    .toBe(`<xss-${tag}@example.com>`);
  const sent = (await sentMail((m) => !!m.text?.includes(tag)))!;
  expect(sent.to).toEqual([from]);
  const ours = sent.messageId!;

  // The customer answers from a client that keeps In-Reply-To: same conversation.
  swaks(
    [
      `From: Mallory <${from}>`,
      `To: ${SUPPORT_ADDRESS}`,
      `Subject: Re: ${subject}`,
      `Message-ID: <answer-${tag}@example.com>`,
      `In-Reply-To: ${ours}`,
      `References: ${ours}`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      `Here is the invoice number ${tag}-77.`,
      "",
    ].join("\n"),
  );
  await expect(page.getByTestId("timeline-message").filter({ hasText: `${tag}-77` })).toBeVisible({ timeout: 15_000 });
});
