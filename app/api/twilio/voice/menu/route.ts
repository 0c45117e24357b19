import { menuStep, ZMenuStep, ZMenuStepQuery } from "@/lib/channels/voice/ivr";
import { publicUrl } from "@/lib/env";
import { route } from "@/lib/gateway/route";

// Each <Gather> result, and the end of a <Dial>/<Enqueue>; the IVR writes these URLs itself.
export const POST = route(
  {
    policy: "twilio",
    summary: "Twilio: an IVR menu choice (or end of Dial/Enqueue)",
    query: ZMenuStepQuery,
    body: ZMenuStep,
  },
  ({ db, query, body }) => menuStep(db, query, body, publicUrl()),
);
