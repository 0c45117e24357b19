import type { ReactNode } from "react";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { AppHeader } from "@/lib/ui/shared/app-header";

export const dynamic = "force-dynamic";

export default async function AgentLayout({ children }: { children: ReactNode }) {
  const caller = await requirePageCaller("agent", "/inbox");
  return (
    <>
      <AppHeader area="Inbox" userName={caller.name} isAdmin={caller.role === "admin"} />
      {children}
    </>
  );
}
