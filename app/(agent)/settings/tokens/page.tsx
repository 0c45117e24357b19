import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { SCOPES_FOR_ROLE } from "@/lib/tokens/api-tokens";
import { ApiTokens } from "@/lib/ui/settings/api-tokens";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const caller = await requirePageCaller("agent", "/settings/tokens");
  return (
    <main className="page">
      <h1>API tokens</h1>
      <p className="muted">
        For mobile apps and partner systems: send <code>Authorization: Bearer &lt;token&gt;</code> to the{" "}
        <a href="/api-docs">REST API</a>. A token acts as you, limited to its scopes.
      </p>
      <ApiTokens grantable={[...(SCOPES_FOR_ROLE[caller.role] ?? [])]} isAdmin={caller.role === "admin"} />
    </main>
  );
}
