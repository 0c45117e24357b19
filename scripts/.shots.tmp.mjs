import { chromium } from "@playwright/test";
const BASE = "http://localhost:3300";
const pw = process.env.PW;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const [label, viewport] of [["desk", { width: 1440, height: 900 }], ["phone", { width: 390, height: 844 }]]) {
  const page = await browser.newPage({ viewport });
  await page.goto(`${BASE}/signin`);
  await page.getByLabel("Email").fill(process.env.WHO ?? "alex@demo.test");
  await page.getByLabel("Password").fill(pw);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(/inbox/);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/${label}-inbox.png` });
  const first = page.getByRole("list", { name: "Conversations" }).getByRole("link").first();
  await first.click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/${label}-conversation.png`, fullPage: label === "phone" });
  const cust = page.getByTestId("customer-line").getByRole("link").first();
  await cust.click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/${label}-customer.png`, fullPage: true });
  await page.goto(`${BASE}/search?q=refund`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/${label}-search.png` });
  await page.keyboard.press("Control+k");
  await page.keyboard.type("erin");
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `/tmp/shots/${label}-palette.png` });
  await page.keyboard.press("Escape");
  await page.goto(`${BASE}/conversations/new`);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shots/${label}-new.png`, fullPage: true });
  if (label === "phone") {
    await page.goto(`${BASE}/inbox`);
    await page.getByRole("button", { name: "Menu" }).click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shots/${label}-menu.png` });
  }
  await page.close();
}
await browser.close();
