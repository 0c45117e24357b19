import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { Mailboxes } from "@/lib/ui/admin/mailboxes";

export const metadata: Metadata = { title: "Mailboxes" };

export default async function MailboxesPage() {
  await requirePageCaller("admin", "/admin/mailboxes");
  return (
    <main className="page">
      <h1>Mailboxes</h1>
      <p className="muted">
        IMAP inboxes the helpdesk fetches mail from (IDLE, with polling where the server lacks it). A mailbox that stops
        syncing says so here.
      </p>
      <Mailboxes />
    </main>
  );
}
