import { simulateWebhook, ZSimulatedWebhook } from "@/lib/channels/voice/ivr-simulator";
import { publicUrl } from "@/lib/env";
import { route } from "@/lib/gateway/route";

export const POST = route({ policy: "admin", body: ZSimulatedWebhook }, ({ db, body }) =>
  simulateWebhook(db, body, publicUrl()),
);
