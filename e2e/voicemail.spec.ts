import { expect, test } from "@playwright/test";
import { sid } from "../tests/helpers/twilio";
import { APP_URL } from "./e2e-env";
import { postAsTwilio, signInAsAgent, setInboxFilter } from "./helpers";

test("a caller leaves a voicemail; the agent finds it in the inbox with its transcript", async ({ page, request }) => {
  const call = {
    CallSid: sid("CA"),
    From: `+1202555${String(Math.floor(Math.random() * 9000) + 1000)}`,
    To: "+15005550006",
    AccountSid: "AC0",
  };
  const recordingSid = sid("RE");

  const answer = await postAsTwilio(request, `${APP_URL}/api/twilio/voice`, { ...call, CallStatus: "ringing" });
  expect(answer.status()).toBe(200);
  const twiml = await answer.text();
  // The menu itself is the IVR journey's business (it edits it); here the caller goes straight to the recording.
  expect(twiml).toContain("<Response>");

  const recorded = await postAsTwilio(request, `${APP_URL}/api/twilio/voice/recording`, {
    ...call,
    CallStatus: "in-progress",
    RecordingSid: recordingSid,
    RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/${recordingSid}`,
    RecordingDuration: "9",
  });
  expect(recorded.status()).toBe(200);
  const transcript = `My parcel ${recordingSid.slice(-6)} arrived broken, please call back`;
  const transcribed = await postAsTwilio(request, `${APP_URL}/api/twilio/voice/transcription`, {
    CallSid: call.CallSid,
    RecordingSid: recordingSid,
    TranscriptionStatus: "completed",
    TranscriptionText: transcript,
  });
  expect(transcribed.status()).toBe(204);
  expect(
    (
      await postAsTwilio(request, `${APP_URL}/api/twilio/voice/status`, {
        ...call,
        CallStatus: "completed",
        CallDuration: "31",
      })
    ).status(),
  ).toBe(204);

  await signInAsAgent(page);
  await setInboxFilter(page, "Channel", "voice");
  // The filter navigates; a click before that lands would be undone by it.
  await expect(page).toHaveURL(/channel=voice/);
  await page.getByRole("link", { name: new RegExp(`Voicemail from \\${call.From}`) }).click();
  const pane = page.getByRole("article");
  const voicemail = pane.getByTestId("timeline-message").filter({ hasText: transcript });
  await expect(voicemail).toContainText("Voicemail (9 s)");
  await expect(voicemail).toContainText("voicemail.wav");
  await expect(pane.locator(".timeline-event").filter({ hasText: "Call ended: voicemail, 31 s" })).toBeVisible();
});
