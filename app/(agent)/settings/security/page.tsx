import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { TwoFactor } from "@/lib/ui/settings/two-factor";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  await requirePageCaller("agent", "/settings/security");
  return (
    <main className="page">
      <h1>Two-factor sign-in</h1>
      <TwoFactor />
    </main>
  );
}
