import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { ChatSites } from "@/lib/ui/admin/chat-sites";

export const metadata: Metadata = { title: "Chat widget" };

export default async function ChatSitesPage() {
  await requirePageCaller("admin", "/admin/chat");
  return (
    <main className="page">
      <h1>Chat widget</h1>
      <p className="muted">
        Websites that embed the live chat. Visitors&apos; messages arrive in the inbox as chat conversations; replies
        appear in their chat at once. Only the origins listed may show a site&apos;s chat.
      </p>
      <ChatSites />
    </main>
  );
}
