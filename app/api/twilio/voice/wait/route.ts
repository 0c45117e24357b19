import { queueWait, ZQueueWait, ZQueueWaitQuery } from "@/lib/channels/voice/ivr";
import { route } from "@/lib/gateway/route";

// <Enqueue waitUrl>: what a queued caller hears, with their position; Twilio replays it while they wait.
export const POST = route(
  { policy: "twilio", summary: "Twilio: hold message for a queued caller", query: ZQueueWaitQuery, body: ZQueueWait },
  ({ db, query, body }) => queueWait(db, query.queue, body.QueuePosition),
);
