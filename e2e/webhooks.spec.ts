import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { inboundSms } from "../tests/helpers/twilio";
import { ADMIN_EMAIL, APP_URL, DEMO_PASSWORD } from "./e2e-env";
import { postAsTwilio, signInWithPassword, openFromNav } from "./helpers";

test("an admin subscribes a partner endpoint; an SMS arrives and the partner gets a signed event, logged as delivered", async ({
  page,
  request,
}) => {
  const hits: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const partner = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      hits.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => partner.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(partner.address() as AddressInfo).port}/omnidesk`;
  try {
    await signInWithPassword(page, ADMIN_EMAIL, DEMO_PASSWORD);
    await openFromNav(page, "Webhooks");
    await page.getByLabel("Endpoint URL").fill(endpoint);
    await page.getByRole("button", { name: "Add webhook" }).click();
    const secret = (await page.getByRole("status").locator("code").first().textContent())!;
    expect(secret).toMatch(/^whsec_/);

    const sms = inboundSms({ From: `+1415555${String(Math.floor(Math.random() * 9000) + 1000)}`, Body: "webhook me" });
    expect((await postAsTwilio(request, `${APP_URL}/api/twilio/sms`, sms)).status()).toBe(200);
    await expect
      .poll(() => hits.find((h) => h.headers["omnidesk-event"] === "message.received"), { timeout: 15_000 })
      .toBeTruthy();
    const hit = hits.find((h) => h.headers["omnidesk-event"] === "message.received")!;
    const [, t, v1] = /t=(\d+),v1=([0-9a-f]+)/.exec(String(hit.headers["omnidesk-signature"]))!;
    expect(createHmac("sha256", secret).update(`${t}.${hit.body}`).digest("hex")).toBe(v1);

    const card = page.getByTestId("webhook").filter({ hasText: endpoint });
    await expect(card.getByRole("table", { name: "Deliveries" })).toContainText("delivered", { timeout: 15_000 });
    await card.getByRole("button", { name: "Remove" }).click();
    await expect(card).toHaveCount(0);
  } finally {
    await new Promise<void>((resolve) => partner.close(() => resolve()));
  }
});
