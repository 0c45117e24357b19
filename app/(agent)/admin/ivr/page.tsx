import type { Metadata } from "next";
import Link from "next/link";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { IvrEditor } from "@/lib/ui/admin/ivr-editor";

export const metadata: Metadata = { title: "Phone menu" };

export default async function IvrPage() {
  await requirePageCaller("admin", "/admin/ivr");
  return (
    <main className="page">
      <h1>Phone menu</h1>
      <p className="muted">
        What callers hear on your Twilio number. Changes apply to the next step of every call, without a redeploy.{" "}
        <Link href="/admin/ivr/simulator">Try it in the simulator</Link>.
      </p>
      <IvrEditor />
    </main>
  );
}
