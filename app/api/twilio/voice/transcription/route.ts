import { applyTranscription, ZTranscriptionCallback } from "@/lib/channels/voice/voicemail";
import { route } from "@/lib/gateway/route";

// The <Record> transcribeCallback of our TwiML.
export const POST = route(
  { policy: "twilio", summary: "Twilio: a voicemail's transcript", body: ZTranscriptionCallback },
  async ({ db, body }) => {
    await applyTranscription(db, body);
    return new Response(null, { status: 204 });
  },
);
