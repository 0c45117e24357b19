import type { ReactNode } from "react";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { AgentShell } from "@/lib/ui/shell/agent-shell";

export const dynamic = "force-dynamic";

export default async function AgentLayout({ children }: { children: ReactNode }) {
  const caller = await requirePageCaller("agent", "/inbox");
  return <AgentShell user={{ name: caller.name, role: caller.role }}>{children}</AgentShell>;
}
