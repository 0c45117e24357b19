// The agent workspace as a team uses it, on a desktop and on a 390×844 phone:
// finding old history, the customer's whole story, writing first, shared views
// with live counts, bulk actions; and axe-core over the pages agents live in.
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { inboundSms, sid } from "../tests/helpers/twilio";
import { APP_URL, appEnv } from "./e2e-env";
import { postAsTwilio, sentMail, setInboxFilter, signInAsAgent, swaks, uniq } from "./helpers";

const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

const phoneNumber = () => `+1415555${String(Math.floor(1000 + Math.random() * 8999))}`;
const sms = (request: APIRequestContext, from: string, body: string) =>
  postAsTwilio(request, `${APP_URL}/api/twilio/sms`, inboundSms({ From: from, Body: body, MessageSid: sid("SM") }));

/** Test set-up on the app's own SQLite file: the history a long-running helpdesk would have. */
function withDatabase<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(appEnv.DATABASE_URL.replace(/^file:/, ""), { timeout: 10_000 });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Moves a conversation back in time and closes it, as if it had been answered that long ago. */
function ageAndClose(conversationSubject: string, days: number): number {
  return withDatabase((db) => {
    const at = Date.now() - days * 86_400_000;
    const c = db.prepare(`SELECT id FROM "Conversation" WHERE subject = ?`).get(conversationSubject) as
      { id: number } | undefined;
    if (!c) return 0;
    db.prepare(`UPDATE "Conversation" SET "createdAt" = ?, "lastMessageAt" = ?, "status" = 'closed' WHERE id = ?`).run(
      at,
      at,
      c.id,
    );
    db.prepare(`UPDATE "Message" SET "createdAt" = ? WHERE "conversationId" = ?`).run(at, c.id);
    return c.id;
  });
}

/** The sidebar: beside the page on a desktop, behind "Menu" on a phone. */
async function sidebar(page: Page) {
  await expect(page.getByRole("link", { name: "Omnidesk" }).first()).toBeVisible();
  const nav = page.locator("#shell-nav");
  if (!(await nav.isVisible())) await page.getByRole("button", { name: "Menu" }).click();
  return nav;
}

for (const { name, viewport } of VIEWPORTS) {
  test.describe(`on a ${name}`, () => {
    test.use({ viewport });

    test("finds a two-month-old email by a word in its body, opens the customer, sees their SMS and chat, writes to them by email and gets the answer threaded back", async ({
      page,
      request,
    }) => {
      const tag = uniq("ws").split(" ")[1]!;
      const word = `kumquat${tag}`;
      const email = `ruth.${tag}@example.com`;
      const phone = phoneNumber();
      const subject = `Old order ${tag}`;
      // Last week Ruth chatted on the shop's site, giving her address in the pre-chat form…
      const session = await (
        await request.post("/api/widget/session", { data: { siteKey: "demo", host: "http://localhost:8080/" } })
      ).json();
      const chat = await request.post("/api/widget/messages", {
        headers: { authorization: `Visitor ${session.token}` },
        data: { body: `Hello from the shop's chat ${tag}`, name: "Ruth Ng", email },
      });
      expect(chat.status()).toBe(201);
      // …and two months ago she emailed.
      swaks(
        `From: Ruth Ng <${email}>\nTo: support@omnidesk.localhost\nSubject: ${subject}\nMessage-ID: <old-${tag}@example.com>\n\nThe ${word} jam I ordered never came.\n`,
        email,
      );
      await expect.poll(() => ageAndClose(subject, 61), { timeout: 20_000 }).toBeGreaterThan(0);
      withDatabase((db) =>
        db
          .prepare(
            `UPDATE "Conversation" SET "status" = 'closed' WHERE "channel" = 'chat' AND "customerId" =
               (SELECT "customerId" FROM "Identity" WHERE "kind" = 'email' AND "value" = ?)`,
          )
          .run(email),
      );
      await signInAsAgent(page);

      await page.getByLabel("Search these conversations").fill(word);
      await page.getByLabel("Search these conversations").press("Enter");
      const hit = page.getByRole("list", { name: "Conversations" }).getByRole("link", { name: new RegExp(subject) });
      await expect(hit.getByTestId("search-snippet").locator("mark")).toHaveText(word);
      await hit.click();
      await expect(page.getByRole("heading", { name: new RegExp(subject) })).toBeVisible();
      await page.getByTestId("customer-line").getByRole("link", { name: "Ruth Ng" }).click();
      await expect(page.getByRole("heading", { name: "Ruth Ng", level: 1 })).toBeVisible();

      await expect(page.getByRole("list", { name: "Their conversations" }).getByRole("listitem")).toHaveCount(2);
      // Their phone number, added here, joins their texts to them.
      const addForm = page.getByRole("form", { name: "Add an email address or phone number" });
      await addForm.getByLabel("Kind").selectOption("phone");
      await addForm.getByLabel(/Phone number/).fill("not a number");
      await addForm.getByRole("button", { name: "Add" }).click();
      await expect(addForm.getByRole("alert")).toHaveText('"not a number" is not a phone number');
      await expect(addForm.getByLabel(/Phone number/)).toBeFocused();
      await addForm.getByLabel(/Phone number/).fill(phone);
      await addForm.getByRole("button", { name: "Add" }).click();
      await expect(page.getByTestId("identity-phone")).toHaveText(/^\+1 415 555/);
      expect((await sms(request, phone, `Texting about ${word} too`)).status()).toBe(200);
      const theirs = page.getByRole("list", { name: "Their conversations" });
      await expect(async () => {
        await page.reload();
        await expect(theirs.getByRole("listitem")).toHaveCount(3, { timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      for (const channel of ["Email", "SMS", "Chat"]) await expect(theirs).toContainText(channel);

      // Writing first, by email: the answer comes back into the same conversation.
      const newSubject = `Your jam refund ${tag}`;
      const write = page.getByRole("form", { name: "Write to Ruth Ng" });
      await write.getByRole("button", { name: "Send email" }).click();
      await expect(write.getByText("Add a subject")).toBeVisible();
      await expect(write.getByLabel("Subject")).toBeFocused();
      await write.getByLabel("Subject").fill(newSubject);
      await write.getByLabel("Message").fill("We refunded the jam.");
      await write.getByRole("button", { name: "Send email" }).click();
      await expect(page).toHaveURL(/\/inbox\/\d+$/);
      await expect(page.getByRole("heading", { name: new RegExp(newSubject) })).toBeVisible();
      let ours = await sentMail(() => false);
      await expect
        .poll(async () => (ours = await sentMail((m) => m.to.includes(email) && !!m.subject?.includes(newSubject))))
        .toBeTruthy();
      expect(ours!.subject).not.toMatch(/^Re:/);
      swaks(
        `From: Ruth Ng <${email}>\nTo: support@omnidesk.localhost\nSubject: Re: ${newSubject}\nMessage-ID: <answer-${tag}@example.com>\nIn-Reply-To: ${ours!.messageId}\n\nThank you, got it ${tag}.\n`,
        email,
      );
      await expect(page.getByTestId("timeline-message").filter({ hasText: `Thank you, got it ${tag}.` })).toBeVisible({
        timeout: 20_000,
      });
      await expect(page.getByRole("heading", { name: new RegExp(newSubject) })).toBeVisible();
    });

    test("saves a shared view and sees its count change live when a new SMS arrives", async ({
      page,
      browser,
      request,
    }) => {
      const tag = uniq("view").split(" ")[1]!;
      await signInAsAgent(page);
      await page.getByLabel("Search these conversations").fill(`view${tag}`);
      await page.getByLabel("Search these conversations").press("Enter");
      await expect(page).toHaveURL(new RegExp(`q=view${tag}`));
      await setInboxFilter(page, "Channel", "sms");
      await expect(page).toHaveURL(/channel=sms/);
      await page.getByRole("button", { name: "Save view" }).click();
      const save = page.getByRole("form", { name: "Save as a view" });
      await save.getByRole("button", { name: "Save view" }).click();
      await expect(save.getByText("Give the view a name")).toBeVisible();
      await save.getByLabel("View name").fill(`Texts ${tag}`);
      await save.getByLabel("Share with every agent").check();
      await save.getByRole("button", { name: "Save view" }).click();
      await expect(page.getByRole("heading", { name: `Texts ${tag}` })).toBeVisible();
      const nav = await sidebar(page);
      const count = nav.getByTestId(`view-Texts ${tag}`).locator(".nav-count");
      await expect(count).toHaveText("0");
      await expect(nav.getByTestId("live-status")).toHaveText("Live");

      expect((await sms(request, phoneNumber(), `Is view${tag} live?`)).status()).toBe(200);
      await expect(count).toHaveText("1", { timeout: 15_000 });

      // Shared: another agent has it in their sidebar too.
      const other = await browser.newPage({ viewport });
      await other.goto(page.url().replace(/\/inbox.*/, "/signin"));
      await other.getByLabel("Email").fill("sam@demo.test");
      await other.getByLabel("Password").fill(appEnv.DEMO_PASSWORD);
      await other.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(other).toHaveURL(/\/inbox/);
      await expect((await sidebar(other)).getByTestId(`view-Texts ${tag}`)).toContainText("1");
      await other.close();
    });

    test("bulk-assigns five conversations", async ({ page, request }) => {
      const tag = uniq("bulk").split(" ")[1]!;
      for (let i = 0; i < 5; i++)
        expect((await sms(request, phoneNumber(), `Bulk${tag} number ${i}`)).status()).toBe(200);
      await signInAsAgent(page);
      await page.getByLabel("Search these conversations").fill(`bulk${tag}`);
      await page.getByLabel("Search these conversations").press("Enter");
      const list = page.getByRole("list", { name: "Conversations" });
      await expect(list.getByRole("listitem")).toHaveCount(5, { timeout: 20_000 });
      await expect(page.getByTestId("list-total")).toHaveText("5 conversations");
      await page.getByLabel("Select all shown").check();
      const bar = page.getByRole("region", { name: "Bulk actions" });
      await expect(bar).toContainText("5 selected");
      await bar.getByLabel("Assign selected to").selectOption({ label: "Sam Support" });
      await expect(page.getByTestId("bulk-report")).toHaveText("5 conversations updated.");
      await expect(list.getByRole("listitem").filter({ hasText: "Sam Support" })).toHaveCount(5);
    });
  });
}

test("axe finds no critical, serious or moderate problem on the inbox, a conversation, the customer page and search", async ({
  page,
  request,
}) => {
  const tag = uniq("axe").split(" ")[1]!;
  expect((await sms(request, phoneNumber(), `Accessibility check ${tag}`)).status()).toBe(200);
  await signInAsAgent(page);
  const check = async (what: string) => {
    const result = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .analyze();
    const bad = result.violations
      .filter((v) => ["critical", "serious", "moderate"].includes(v.impact ?? ""))
      .map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(bad).toEqual([]);
  };
  await expect(page.getByRole("list", { name: "Conversations" })).toBeVisible();
  await check("inbox");
  await page.goto(`/search?q=${tag}`);
  const hit = page.getByRole("list", { name: "Conversations" }).getByRole("link").first();
  await expect(hit).toContainText(tag);
  await check("search");
  await hit.click();
  await expect(page.getByTestId("timeline-message").first()).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Customer" }).getByRole("heading", { level: 2 })).toBeVisible();
  await check("conversation");
  await page.getByTestId("customer-line").getByRole("link").first().click();
  await expect(page.getByRole("list", { name: "Their conversations" })).toBeVisible();
  await check("customer page");
});
