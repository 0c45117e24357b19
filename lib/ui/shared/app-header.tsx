import Link from "next/link";
import { SignOutButton } from "../auth/sign-out-button";

export function AppHeader({ area, userName }: { area: "Inbox" | "Support"; userName: string }) {
  return (
    <header className="app-header">
      <Link href={area === "Inbox" ? "/inbox" : "/portal"} className="brand">
        Omnidesk <span className="muted">{area}</span>
      </Link>
      <span className="app-header-user">
        {area === "Inbox" && (
          <Link href="/dev/outbox" className="muted">
            Local outbox
          </Link>
        )}
        <span data-testid="signed-in-as">{userName}</span>
        <SignOutButton />
      </span>
    </header>
  );
}
