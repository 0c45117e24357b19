import { z } from "zod";
import { route } from "@/lib/gateway/route";
import { listDeliveries } from "@/lib/webhooks/webhooks";

export const GET = route(
  {
    policy: "admin",
    summary: "A subscription's delivery log",
    params: z.strictObject({ id: z.string().min(1).max(64) }),
  },
  async ({ db, params }) => ({ deliveries: await listDeliveries(db, params.id) }),
);
