import type { ReactNode } from "react";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { AppHeader } from "@/lib/ui/shared/app-header";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const caller = await requirePageCaller("customer", "/portal");
  return (
    <>
      <AppHeader userName={caller.name} />
      <main className="page">{children}</main>
    </>
  );
}
