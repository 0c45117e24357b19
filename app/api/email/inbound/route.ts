import { z } from "zod";
import { acceptRawEmail } from "@/lib/channels/email/accept";
import { emailConfig } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/gateway/rate-limit";
import { json, readBodyBytes, route } from "@/lib/gateway/route";
import { wakeWorker } from "@/lib/runtime/worker-loop";
import { blobStore } from "@/lib/storage/store";

const ZQuery = z.strictObject({
  /** the envelope recipients, comma-separated, when the forwarder knows them */
  to: z.string().max(2000).optional(),
});

// Raw MIME as the body (SendGrid/Mailgun/Postmark-style inbound parsing can forward it), authenticated by
// X-Webhook-Secret. 202 once stored and queued; a resend of the same Message-ID is stored once.
export const POST = route(
  { policy: "email-webhook", summary: "Forwarded inbound email: raw MIME as the body", query: ZQuery },
  async ({ db, req, query }) => {
    const raw = Buffer.from(await readBodyBytes(req, emailConfig().maxBytes));
    if (!raw.length) throw new AppError(400, "empty_body", "Send the raw message (MIME) as the request body");
    const envelopeTo = (query.to ?? "")
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean);
    const { duplicate } = await acceptRawEmail(db, blobStore(), raw, {
      envelopeTo,
      source: "webhook",
      peer: { name: "forwarding-webhook", address: clientIp(req) },
    });
    wakeWorker();
    return json({ accepted: true, duplicate }, 202);
  },
);
