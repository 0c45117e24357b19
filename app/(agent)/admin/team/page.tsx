import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { TeamAdmin } from "@/lib/ui/admin/team-admin";

export const metadata: Metadata = { title: "Agents and teams" };

export default async function TeamAdminPage() {
  const caller = await requirePageCaller("admin", "/admin/team");
  return (
    <main className="page">
      <h1>Agents and teams</h1>
      <p className="muted">
        Invite agents by email: they get a link (valid for seven days) to choose their password, or sign in with SSO
        where it is set up. Deactivating someone signs them out everywhere, revokes their API tokens and puts their open
        conversations back in their team&apos;s queue; their history stays.
      </p>
      <TeamAdmin viewerId={caller.id} />
    </main>
  );
}
