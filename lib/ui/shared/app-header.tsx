import Link from "next/link";
import { SignOutButton } from "../auth/sign-out-button";

export function AppHeader({
  area,
  userName,
  isAdmin = false,
}: {
  area: "Inbox" | "Support";
  userName: string;
  isAdmin?: boolean;
}) {
  return (
    <header className="app-header">
      <Link href={area === "Inbox" ? "/inbox" : "/portal"} className="brand">
        Omnidesk <span className="muted">{area}</span>
      </Link>
      <span className="app-header-user">
        {isAdmin && (
          <>
            <Link href="/admin/ivr" className="muted">
              Phone menu
            </Link>
            <Link href="/admin/mailboxes" className="muted">
              Mailboxes
            </Link>
            <Link href="/admin/audit" className="muted">
              Audit log
            </Link>
            <Link href="/admin/webhooks" className="muted">
              Webhooks
            </Link>
          </>
        )}
        {area === "Inbox" ? (
          <>
            <Link href="/settings/tokens" className="muted">
              API tokens
            </Link>
            <Link href="/settings/sessions" className="muted">
              Sessions
            </Link>
            <Link href="/settings/security" className="muted">
              Security
            </Link>
            <Link href="/dev/outbox" className="muted">
              Local outbox
            </Link>
          </>
        ) : (
          <Link href="/portal/security" className="muted">
            Security
          </Link>
        )}
        <span data-testid="signed-in-as">{userName}</span>
        <SignOutButton />
      </span>
    </header>
  );
}
