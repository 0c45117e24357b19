import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { Webhooks } from "@/lib/ui/admin/webhooks";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requirePageCaller("admin", "/admin/webhooks");
  return (
    <main className="page">
      <h1>Webhooks</h1>
      <p className="muted">
        Partner systems hear about conversations and messages as signed POSTs, retried with backoff; every delivery is
        logged here and can be sent again.
      </p>
      <Webhooks />
    </main>
  );
}
