"use client";
// The agent's workspace frame: a sidebar of views with live counts, one menu
// for settings and admin, the account (presence, sign out) under the avatar,
// and the command palette. Below 900 px the sidebar is a drawer behind "Menu".
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Suspense, useState, type ReactNode } from "react";
import { SignOutButton } from "../auth/sign-out-button";
import { FailedInboundLink } from "../inbox/failed-inbound";
import { LiveUpdates } from "../shared/live-updates";
import { PresenceToggle } from "../shared/presence-toggle";
import { CommandPalette, openCommandPalette } from "./command-palette";
import { NotificationsLink } from "./notifications";
import { ShortcutsHelp } from "./shortcuts-help";
import { ViewsNav } from "./views-nav";

const ADMIN_LINKS: [href: string, label: string][] = [
  ["/admin/team", "Agents and teams"],
  ["/admin/automation", "Automation"],
  ["/admin/ivr", "Phone menu"],
  ["/admin/mailboxes", "Mailboxes"],
  ["/admin/chat", "Chat widget"],
  ["/admin/customer-attributes", "Customer attributes"],
  ["/admin/webhooks", "Webhooks"],
  ["/admin/audit", "Audit log"],
];
const SETTINGS_LINKS: [href: string, label: string][] = [
  ["/settings/canned-replies", "Canned replies"],
  ["/settings/tokens", "API tokens"],
  ["/settings/sessions", "Sessions"],
  ["/settings/security", "Security"],
  ["/dev/outbox", "Local outbox"],
];

export function AgentShell({ user, children }: { user: { name: string; role: string }; children: ReactNode }) {
  const pathname = usePathname();
  // The drawer is open on the page it was opened on: following a link in it closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const menuLinks = [...(user.role === "admin" ? ADMIN_LINKS : []), ...SETTINGS_LINKS];
  const inMenu = menuLinks.some(([href]) => pathname.startsWith(href));
  return (
    <div className={`shell${open ? " nav-open" : ""}`}>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="shell-topbar">
        <button
          type="button"
          className="btn"
          aria-expanded={open}
          aria-controls="shell-nav"
          onClick={() => setOpenOn(open ? null : pathname)}
        >
          {open ? "Close menu" : "Menu"}
        </button>
        <Link href="/inbox" className="brand">
          Omnidesk
        </Link>
        <button type="button" className="btn" onClick={openCommandPalette}>
          Search
        </button>
      </header>
      <aside id="shell-nav" className="shell-nav" aria-label="Workspace">
        <Link href="/inbox" className="brand shell-brand">
          Omnidesk
        </Link>
        <div className="nav-actions">
          <Link href="/conversations/new" className="btn btn-primary">
            New conversation
          </Link>
          <button type="button" className="btn nav-search" onClick={openCommandPalette}>
            Search… <kbd>Ctrl K</kbd>
          </button>
        </div>
        <Suspense>
          <ViewsNav />
        </Suspense>
        <nav aria-label="Workspace pages" className="nav-pages">
          <ul>
            <li>
              <NotificationsLink active={pathname === "/notifications"} />
            </li>
            <li>
              <Link href="/search" className={`nav-link${pathname === "/search" ? " is-active" : ""}`}>
                Search history
              </Link>
            </li>
            <li>
              <Link href="/reports" className={`nav-link${pathname === "/reports" ? " is-active" : ""}`}>
                Reports
              </Link>
            </li>
          </ul>
        </nav>
        <details className="nav-menu" open={inMenu || undefined}>
          <summary>{user.role === "admin" ? "Settings & admin" : "Settings"}</summary>
          <ul>
            {menuLinks.map(([href, label]) => (
              <li key={href}>
                <Link href={href} className={`nav-link${pathname.startsWith(href) ? " is-active" : ""}`}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </details>
        <div className="nav-account">
          <span className="avatar" aria-hidden="true">
            {initials(user.name)}
          </span>
          <div className="nav-account-body">
            <span data-testid="signed-in-as" className="nav-account-name">
              {user.name}
            </span>
            <span className="nav-account-row">
              <PresenceToggle />
              {/* Keeps every list, count and conversation on the page current (lib/realtime). */}
              <LiveUpdates area="inbox" />
            </span>
            <span className="nav-account-row">
              <FailedInboundLink />
              <SignOutButton />
            </span>
          </div>
        </div>
      </aside>
      <div className="shell-main" id="content">
        {children}
      </div>
      <CommandPalette isAdmin={user.role === "admin"} />
      <ShortcutsHelp />
    </div>
  );
}

function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]!.toUpperCase())
      .join("") || "?"
  );
}
