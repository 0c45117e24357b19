import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { Inbox } from "@/lib/ui/inbox/inbox";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const caller = await requirePageCaller("agent", "/inbox");
  return (
    <Suspense>
      <Inbox viewerId={caller.id} />
    </Suspense>
  );
}
