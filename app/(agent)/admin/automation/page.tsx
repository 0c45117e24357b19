import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { AutomationSettings } from "@/lib/ui/admin/automation";

export const metadata: Metadata = { title: "Automation" };

export default async function AutomationPage() {
  await requirePageCaller("admin", "/admin/automation");
  return (
    <main className="page">
      <h1>Automation</h1>
      <p className="muted">
        How conversations are routed, assigned, timed and acknowledged. Changes apply to the next message.
      </p>
      <AutomationSettings />
    </main>
  );
}
