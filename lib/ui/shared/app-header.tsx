import Link from "next/link";
import { SignOutButton } from "../auth/sign-out-button";
import { FailedInboundLink } from "../inbox/failed-inbound";
import { LiveUpdates } from "./live-updates";
import { PresenceToggle } from "./presence-toggle";

const ADMIN_LINKS: [href: string, label: string][] = [
  ["/admin/automation", "Automation"],
  ["/admin/ivr", "Phone menu"],
  ["/admin/mailboxes", "Mailboxes"],
  ["/admin/audit", "Audit log"],
  ["/admin/webhooks", "Webhooks"],
  ["/admin/chat", "Chat widget"],
];
const AGENT_LINKS: [href: string, label: string][] = [
  ["/reports", "Reports"],
  ["/settings/tokens", "API tokens"],
  ["/settings/sessions", "Sessions"],
  ["/settings/security", "Security"],
  ["/dev/outbox", "Local outbox"],
];
const CUSTOMER_LINKS: [href: string, label: string][] = [["/portal/security", "Security"]];

export function AppHeader({
  area,
  userName,
  isAdmin = false,
}: {
  area: "Inbox" | "Support";
  userName: string;
  isAdmin?: boolean;
}) {
  const links = [...(isAdmin ? ADMIN_LINKS : []), ...(area === "Inbox" ? AGENT_LINKS : CUSTOMER_LINKS)];
  return (
    <header className="app-header">
      <Link href={area === "Inbox" ? "/inbox" : "/portal"} className="brand">
        Omnidesk <span className="muted">{area}</span>
      </Link>
      <span className="app-header-user">
        {/* Keeps every list and conversation on the page current (lib/realtime). */}
        <LiveUpdates area={area === "Inbox" ? "inbox" : "portal"} />
        {area === "Inbox" && <PresenceToggle />}
        {area === "Inbox" && <FailedInboundLink />}
        {links.map(([href, label]) => (
          <Link key={href} href={href} className="muted">
            {label}
          </Link>
        ))}
        <span data-testid="signed-in-as">{userName}</span>
        <SignOutButton />
      </span>
    </header>
  );
}
