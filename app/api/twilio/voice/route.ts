import { ZTwilioCall } from "@/lib/channels/voice/caller";
import { answerCall } from "@/lib/channels/voice/ivr";
import { publicUrl } from "@/lib/env";
import { route } from "@/lib/gateway/route";

// Twilio console → Phone Numbers → Voice → "A call comes in": POST <PUBLIC_URL>/api/twilio/voice
export const POST = route({ policy: "twilio", summary: "Twilio: incoming call", body: ZTwilioCall }, ({ db, body }) =>
  answerCall(db, body, publicUrl()),
);
