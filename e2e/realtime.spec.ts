import { expect, test } from "@playwright/test";
import { inboundSms, sid } from "../tests/helpers/twilio";
import { APP_URL } from "./e2e-env";
import { STREAM_EVENT_TYPES } from "../lib/shared/stream-event-types";
import { postAsTwilio, signInAsAgent, uniq } from "./helpers";

test("the agent's inbox updates live from the event stream, without polling", async ({ page, request }) => {
  await signInAsAgent(page);
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  const list = page.getByRole("list", { name: "Conversations" });
  await expect(list).toBeVisible();

  // Idle for a while: the page asks the API for nothing but what events tell it to (no timers left polling).
  // Other journeys share the server, so events may arrive meanwhile: a second stream in the page counts them.
  await page.evaluate(
    (types) => {
      const w = window as unknown as { liveEvents: number };
      w.liveEvents = 0;
      const source = new EventSource("/api/stream");
      for (const t of types) source.addEventListener(t, () => void w.liveEvents++);
    },
    [...STREAM_EVENT_TYPES],
  );
  const apiCalls: string[] = [];
  page.on("request", (r) => {
    if (/\/api\/(conversations|agents)/.test(r.url())) apiCalls.push(r.url());
  });
  await page.waitForTimeout(7_000);
  const events = await page.evaluate(() => (window as unknown as { liveEvents: number }).liveEvents);
  // One list refresh per event at most; with no events, no requests at all.
  expect(apiCalls.length).toBeLessThanOrEqual(events);

  // A text message arrives: it shows up in the open inbox by itself.
  const text = uniq("Live SMS");
  const phone = `+1415556${String(Math.floor(Math.random() * 9000) + 1000)}`;
  const res = await postAsTwilio(
    request,
    `${APP_URL}/api/twilio/sms`,
    inboundSms({ From: phone, Body: text, MessageSid: sid("SM") }),
  );
  expect(res.status()).toBe(200);
  await expect(list.getByRole("link", { name: new RegExp(text) })).toBeVisible();

  // Open it; the customer's next message appears in the timeline by itself too.
  await list.getByRole("link", { name: new RegExp(text) }).click();
  const followUp = uniq("Are you there");
  await postAsTwilio(
    request,
    `${APP_URL}/api/twilio/sms`,
    inboundSms({ From: phone, Body: followUp, MessageSid: sid("SM") }),
  );
  await expect(page.getByTestId("timeline-message").filter({ hasText: followUp })).toBeVisible();
});
