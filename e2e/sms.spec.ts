import { expect, test } from "@playwright/test";
import { inboundSms, sid, startFakeTwilio } from "../tests/helpers/twilio";
import { APP_URL, FAKE_TWILIO_PORT } from "./e2e-env";
import { postAsTwilio, signInAsAgent, uniq } from "./helpers";

test("an SMS arrives, the agent replies by SMS, and Twilio's delivery callback marks the reply delivered", async ({
  page,
  request,
}) => {
  const twilio = await startFakeTwilio(FAKE_TWILIO_PORT);
  try {
    const question = uniq("Where is my order");
    const phone = `+1415555${String(Math.floor(Math.random() * 9000) + 1000)}`;
    const inbound = await postAsTwilio(
      request,
      `${APP_URL}/api/twilio/sms`,
      inboundSms({ From: phone, Body: question, MessageSid: sid("SM") }),
    );
    expect(inbound.status()).toBe(200);
    expect(await inbound.text()).toContain("<Response/>");

    await signInAsAgent(page);
    await page.getByRole("link", { name: new RegExp(question) }).click();
    const pane = page.getByRole("article");
    await expect(pane.getByTestId("timeline-message").filter({ hasText: question })).toBeVisible();
    const answer = uniq("Your order ships today");
    await pane.getByLabel("Reply to the customer").fill(answer);
    await expect(pane.getByTestId("sms-segments")).toHaveText(/^1 SMS segment · \d+ characters \(GSM-7\)$/);
    await pane.getByLabel("Reply to the customer").fill(answer + " 🚚");
    await expect(pane.getByTestId("sms-segments")).toContainText("UCS-2");
    await pane.getByRole("button", { name: "Send reply" }).click();

    const sent = pane.getByTestId("timeline-message").filter({ hasText: answer });
    await expect(sent.getByText("sent", { exact: true })).toBeVisible();
    // Other journeys share the app, and their SMS (a survey, a retried delivery) may reach this fake too.
    const mine = () => twilio.requests.filter((r) => r.params.To === phone);
    await expect.poll(() => mine().length).toBe(1);
    const [req] = mine();
    expect(req!.params).toMatchObject({ To: phone, From: "+15005550006", Body: `${answer} 🚚` });

    const callback = await postAsTwilio(request, req!.params.StatusCallback!, {
      MessageSid: req!.sid!,
      MessageStatus: "delivered",
      AccountSid: "AC0",
    });
    expect(callback.status(), await callback.text()).toBe(204);
    await expect(sent.getByText("delivered", { exact: true })).toBeVisible();

    // The customer texts STOP: SMS replies are switched off, and the agent is told why.
    await postAsTwilio(
      request,
      `${APP_URL}/api/twilio/sms`,
      inboundSms({ From: phone, Body: "STOP", MessageSid: sid("SM") }),
    );
    await expect(pane.getByText("This customer texted STOP")).toBeVisible();
    await expect(pane.getByRole("button", { name: "Send reply" })).toBeDisabled();
  } finally {
    await twilio.close();
  }
});

test("an unsigned or forged webhook is refused before anything is stored", async ({ request }) => {
  const params = inboundSms({ Body: uniq("forged") });
  const unsigned = await request.post("/api/twilio/sms", { form: params });
  expect(unsigned.status()).toBe(400);
  expect((await unsigned.json()).error.code).toBe("missing_signature");
  const forged = await request.post("/api/twilio/sms", {
    form: params,
    headers: { "x-twilio-signature": "bm90IGEgc2lnbmF0dXJl" },
  });
  expect(forged.status()).toBe(403);
});
