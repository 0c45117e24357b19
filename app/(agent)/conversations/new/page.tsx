import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { NewConversation } from "@/lib/ui/customers/new-conversation";

export const metadata: Metadata = { title: "New conversation" };

export default async function NewConversationPage() {
  await requirePageCaller("agent", "/conversations/new");
  return (
    <main className="page">
      <h1>New conversation</h1>
      <p className="muted">Write to a customer by email or SMS. Their answer comes back into this conversation.</p>
      <Suspense>
        <NewConversation />
      </Suspense>
    </main>
  );
}
