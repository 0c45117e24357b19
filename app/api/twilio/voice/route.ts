import { answerCall, ZTwilioCall } from "@/lib/channels/voice/voicemail";
import { publicUrl } from "@/lib/env";
import { route } from "@/lib/gateway/route";

// Twilio console → Phone Numbers → Voice → "A call comes in": POST <PUBLIC_URL>/api/twilio/voice
export const POST = route({ policy: "twilio", body: ZTwilioCall }, ({ db, body }) => answerCall(db, body, publicUrl()));
