import { expect, test, type BrowserContext } from "@playwright/test";
import config from "../playwright.config";
import { APP_URL } from "./e2e-env";
import { allowLoopbackFromOtherOrigins, sentMail, signInAsAgent, signInWithPassword, swaks, uniq } from "./helpers";
import { ADMIN_EMAIL, DEMO_PASSWORD, SUPPORT_ADDRESS } from "./e2e-env";

test.use(allowLoopbackFromOtherOrigins(config.use?.launchOptions));

const SHOP = "http://shop.localhost:3194";
// The smallest valid PNG (1×1)
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

/** A customer's website on its own origin, with CSS that would wreck an unprotected widget. */
async function hostSite(context: BrowserContext, origin: string, siteKey: string) {
  await context.route(`${origin}/**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html><head><title>Shop</title>
        <style>* { font-size: 48px !important; color: red !important; } button { display: none !important; }</style>
        </head><body><h1>Our shop</h1>
        <script src="${APP_URL}/widget.js" data-site="${siteKey}" async></script></body></html>`,
    }),
  );
}

test("a visitor chats from a customer's website; the agent answers live; a reload keeps the chat", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // An admin adds the website and gets its embed snippet.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInWithPassword(admin, ADMIN_EMAIL, DEMO_PASSWORD);
  await expect(admin).toHaveURL(/\/inbox/);
  await admin.goto("/admin/chat");
  const siteName = uniq("E2E shop");
  await admin.getByLabel("Name", { exact: true }).fill(siteName);
  await admin.getByLabel(/Origins allowed/).fill(SHOP);
  await admin.getByRole("button", { name: "Add website" }).click();
  const card = admin.getByTestId("chat-site").filter({ hasText: siteName });
  const snippet = await card.getByTestId("embed-snippet").textContent();
  const siteKey = /data-site="([^"]+)"/.exec(snippet ?? "")?.[1];
  expect(siteKey).toBeTruthy();

  // The widget's page may be framed by that origin only.
  const widgetPage = await admin.request.get(`/widget/${siteKey}`);
  expect(widgetPage.headers()["content-security-policy"]).toContain(`frame-ancestors ${SHOP}`);
  expect(widgetPage.headers()["x-frame-options"]).toBeUndefined();

  // The agent watches the inbox.
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signInAsAgent(agent);
  await expect(agent.getByTestId("live-status")).toHaveText("Live");

  // A visitor on the shop opens the chat and writes (with markup that must stay text).
  const visitorContext = await browser.newContext();
  await hostSite(visitorContext, SHOP, siteKey!);
  const visitor = await visitorContext.newPage();
  const dialogs: string[] = [];
  for (const p of [visitor, agent]) p.on("dialog", (d) => void d.dismiss().then(() => dialogs.push(d.message())));
  await visitor.goto(`${SHOP}/products/42`);
  await visitor.getByRole("button", { name: "Open chat" }).click();
  const chat = visitor.frameLocator('iframe[title="Chat with us"]');
  await expect(chat.getByText(siteName)).toBeVisible();
  const question = `${uniq("Do you ship to Norway?")} <img src=x onerror=alert(1)>`;
  await chat.getByLabel("Your message").fill(question);
  await chat.getByRole("button", { name: "Send", exact: true }).click();
  await expect(chat.getByTestId("widget-message").filter({ hasText: question })).toBeVisible();

  // It reaches the agent's open inbox by itself, as a chat conversation, shown as text.
  const row = agent
    .getByRole("list", { name: "Conversations" })
    .getByRole("link", { name: new RegExp(`Chat on ${siteName}`) });
  await expect(row).toBeVisible();
  await row.click();
  const pane = agent.getByRole("article");
  await expect(pane.getByTestId("timeline-message").filter({ hasText: question })).toBeVisible();
  // Typing shows both ways while it happens.
  await chat.getByLabel("Your message").pressSequentially("one more thing", { delay: 20 });
  await expect(pane.getByTestId("conversation-activity")).toContainText("The customer typing…");
  const answer = uniq("Yes, in 3 days");
  await pane.getByLabel("Reply to the customer").pressSequentially(answer, { delay: 5 });
  await expect(chat.getByTestId("widget-typing")).toHaveText("Alex Agent is typing…");

  // A colleague opens the same conversation: each sees the other before both answer.
  const samContext = await browser.newContext();
  const sam = await samContext.newPage();
  await signInWithPassword(sam, "sam@demo.test", DEMO_PASSWORD);
  await expect(sam).toHaveURL(/\/inbox/);
  await sam.goto(agent.url());
  await expect(pane.getByTestId("conversation-activity")).toContainText("Also viewing: Sam Support");
  await expect(sam.getByTestId("conversation-activity")).toContainText("Alex Agent");
  await samContext.close();

  await pane.getByRole("button", { name: "Send reply" }).click();

  // The visitor sees the answer without reloading, with the agent's name.
  const reply = chat.getByTestId("widget-message").filter({ hasText: answer });
  await expect(reply).toBeVisible();
  await expect(reply).toContainText("Alex Agent");
  await expect(reply.getByTestId("widget-avatar")).toHaveText("AA");

  // "Seen" both ways: the open widget saw the reply; the agent has the visitor's messages in view.
  await expect(
    pane.getByTestId("timeline-message").filter({ hasText: answer }).getByTestId("message-seen"),
  ).toBeVisible();
  await expect(chat.getByTestId("widget-seen")).toHaveText("Seen");

  // The visitor sends a screenshot; both sides see the image.
  await chat.getByLabel("Send an image").setInputFiles({ name: "broken-box.png", mimeType: "image/png", buffer: PNG });
  await expect(chat.getByTestId("widget-image")).toHaveAttribute("alt", "broken-box.png");
  const shown = pane.locator("img.timeline-image[alt='broken-box.png']");
  await expect(shown).toBeVisible();
  expect(await shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  // A reload keeps the chat open and its history (same browser, same visitor).
  await visitor.reload();
  const again = visitor.frameLocator('iframe[title="Chat with us"]');
  await expect(again.getByTestId("widget-message").filter({ hasText: question })).toBeVisible();
  await expect(again.getByTestId("widget-message").filter({ hasText: answer })).toBeVisible();
  expect(dialogs).toEqual([]);

  await Promise.all([adminContext.close(), agentContext.close(), visitorContext.close()]);
});

test("a visitor who left the chat gets the agent's reply by email, and their email answer lands in the same conversation", async ({
  browser,
}) => {
  // The visitor counts as gone a minute after their widget's stream stops.
  test.setTimeout(180_000);
  const admin = await (await browser.newContext()).newPage();
  await signInWithPassword(admin, ADMIN_EMAIL, DEMO_PASSWORD);
  await expect(admin).toHaveURL(/\/inbox/);
  await admin.goto("/admin/chat");
  const siteName = uniq("Offline shop");
  await admin.getByLabel("Name", { exact: true }).fill(siteName);
  await admin.getByLabel(/Origins allowed/).fill(SHOP);
  await admin.getByLabel(/Ask for name and email/).check();
  await admin.getByRole("button", { name: "Add website" }).click();
  const snippet = await admin
    .getByTestId("chat-site")
    .filter({ hasText: siteName })
    .getByTestId("embed-snippet")
    .textContent();
  const siteKey = /data-site="([^"]+)"/.exec(snippet ?? "")![1]!;

  // The visitor leaves their name and address with the question, then closes the tab.
  const visitorContext = await browser.newContext();
  await hostSite(visitorContext, SHOP, siteKey);
  const visitor = await visitorContext.newPage();
  await visitor.goto(`${SHOP}/checkout`);
  await visitor.getByRole("button", { name: "Open chat" }).click();
  const chat = visitor.frameLocator('iframe[title="Chat with us"]');
  const email = `${uniq("visitor").replace(/\W+/g, ".")}@example.com`;
  const question = uniq("Can I pay by invoice?");
  await chat.getByLabel("Your name").fill("Vera Visitor");
  await chat.getByLabel("Your email").fill(email);
  await chat.getByLabel("Your message").fill(question);
  await chat.getByRole("button", { name: "Send", exact: true }).click();
  await expect(chat.getByTestId("widget-message").filter({ hasText: question })).toBeVisible();
  await visitorContext.close();

  // The agent answers once the visitor is gone: it goes by email too, with our reply address.
  const agent = await (await browser.newContext()).newPage();
  await signInAsAgent(agent);
  await agent
    .getByRole("list", { name: "Conversations" })
    .getByRole("link", { name: new RegExp(`Chat on ${siteName}`) })
    .click();
  await expect(agent.getByTestId("timeline-message").filter({ hasText: question })).toBeVisible();
  await agent.waitForTimeout(65_000);
  const answer = uniq("Yes — invoices are fine");
  await agent.getByLabel("Reply to the customer").fill(answer);
  await agent.getByRole("button", { name: "Send reply" }).click();
  await expect
    .poll(async () => (await sentMail((m) => m.to.includes(email) && !!m.text?.includes(answer)))?.messageId, {
      timeout: 20_000,
    })
    .toBeTruthy();
  const mailed = (await sentMail((m) => m.to.includes(email) && !!m.text?.includes(answer)))!;

  // They answer from their mail client: the same conversation, live in the agent's view.
  const followUp = uniq("Great, send it to accounts");
  swaks(
    [
      `From: Vera Visitor <${email}>`,
      `To: ${SUPPORT_ADDRESS}`,
      `Subject: Re: ${mailed.subject}`,
      `Message-ID: <${Date.now()}-vera@example.com>`,
      `In-Reply-To: ${mailed.messageId}`,
      `References: ${mailed.messageId}`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      followUp,
      "",
    ].join("\n"),
    email,
  );
  await expect(agent.getByTestId("timeline-message").filter({ hasText: followUp })).toBeVisible({ timeout: 20_000 });
  await expect(agent.getByTestId("timeline-message").filter({ hasText: followUp })).toContainText("Email");
});
