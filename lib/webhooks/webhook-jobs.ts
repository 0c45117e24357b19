import { env } from "../env";
import type { JobHandler } from "../jobs/job-runner";
import { deliverWebhook, ZWebhookJob } from "./webhooks";

export const webhookHandlers: Record<"webhook", JobHandler> = {
  webhook: (db, payload, job) => deliverWebhook(db, ZWebhookJob.parse(payload).deliveryId, job, env().NEXTAUTH_SECRET),
};
