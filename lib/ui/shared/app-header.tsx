import Link from "next/link";
import { SignOutButton } from "../auth/sign-out-button";
import { LiveUpdates } from "./live-updates";

/** The customer portal's header (agents have the workspace shell, lib/ui/shell). */
export function AppHeader({ userName }: { userName: string }) {
  return (
    <header className="app-header">
      <Link href="/portal" className="brand">
        Omnidesk <span className="muted">Support</span>
      </Link>
      <span className="app-header-user">
        {/* Keeps every list and conversation on the page current (lib/realtime). */}
        <LiveUpdates area="portal" />
        <Link href="/portal/security" className="muted">
          Security
        </Link>
        <span data-testid="signed-in-as">{userName}</span>
        <SignOutButton />
      </span>
    </header>
  );
}
