import { listFailedInbound, ZFailedInboundQuery } from "@/lib/channels/failed-inbound";
import { route } from "@/lib/gateway/route";
import { blobStore } from "@/lib/storage/store";

export const GET = route(
  {
    policy: "agent",
    summary: "Inbound messages accepted but not ingested after every retry: reason, sender, excerpt (newest first)",
    query: ZFailedInboundQuery,
  },
  async ({ db, query }) => listFailedInbound(db, blobStore(), query),
);
