import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { Sessions } from "@/lib/ui/settings/sessions";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  await requirePageCaller("agent", "/settings/sessions");
  return (
    <main className="page">
      <h1>Where you are signed in</h1>
      <p className="muted">End a session you don&apos;t recognise, or all but this one.</p>
      <Sessions />
    </main>
  );
}
