import type { Metadata } from "next";
import Link from "next/link";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { IvrSimulator } from "@/lib/ui/admin/ivr-simulator";

export const metadata: Metadata = { title: "IVR simulator" };

export default async function IvrSimulatorPage() {
  await requirePageCaller("admin", "/admin/ivr/simulator");
  return (
    <main className="page">
      <h1>IVR simulator</h1>
      <p className="muted">
        Call your phone menu without a phone: each step runs the real IVR, so voicemails and callback requests become
        real conversations. <Link href="/admin/ivr">Edit the menu</Link>.
      </p>
      <IvrSimulator />
    </main>
  );
}
