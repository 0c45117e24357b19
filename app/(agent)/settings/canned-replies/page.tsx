import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { CannedReplies } from "@/lib/ui/settings/canned-replies";

export const metadata: Metadata = { title: "Canned replies" };

export default async function CannedRepliesPage() {
  const caller = await requirePageCaller("agent", "/settings/canned-replies");
  return (
    <main className="page">
      <h1>Canned replies</h1>
      <p className="muted">
        Answers you give often. In a reply, type <kbd>/</kbd> or <kbd>#</kbd> and the start of a shortcut (or title),
        then Enter: the text goes in with its variables filled from the conversation, for you to check before sending.
        Shared ones are everyone&apos;s; you change your own
        {caller.role === "admin" ? ", and as an admin the shared ones" : ""}.
      </p>
      <CannedReplies />
    </main>
  );
}
