import { receiveVoicemail, ZRecordingCallback } from "@/lib/channels/voice/voicemail";
import { route } from "@/lib/gateway/route";

// The <Record> action of our TwiML: a finished voicemail.
export const POST = route(
  { policy: "twilio", summary: "Twilio: a finished voicemail", body: ZRecordingCallback },
  ({ db, body }) => receiveVoicemail(db, body),
);
