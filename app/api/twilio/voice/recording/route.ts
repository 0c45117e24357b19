import { receiveVoicemail, ZRecordingCallback } from "@/lib/channels/voice/voicemail";
import { route } from "@/lib/gateway/route";

// The <Record> action of our TwiML: a finished voicemail.
export const POST = route({ policy: "twilio", body: ZRecordingCallback }, ({ db, body }) => receiveVoicemail(db, body));
