import { listLocallyRecorded, ZLocalOutboxQuery } from "@/lib/channels/local-recorder";
import { route } from "@/lib/gateway/route";

export const GET = route(
  { policy: "agent", summary: "What the local recorder 'sent'", query: ZLocalOutboxQuery },
  async ({ db, query }) => ({
    items: await listLocallyRecorded(db, query),
  }),
);
