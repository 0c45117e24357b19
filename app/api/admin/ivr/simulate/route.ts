import { simulateWebhook, ZSimulatedWebhook } from "@/lib/channels/voice/ivr-simulator";
import { publicUrl } from "@/lib/env";
import { route } from "@/lib/gateway/route";

export const POST = route(
  { policy: "admin", summary: "Run a voice webhook for the IVR simulator", body: ZSimulatedWebhook },
  ({ db, body }) => simulateWebhook(db, body, publicUrl()),
);
