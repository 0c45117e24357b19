import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { ZConversationParams } from "@/lib/gateway/params";
import { Inbox } from "@/lib/ui/inbox/inbox";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = await params;
  const caller = await requirePageCaller("agent", `/inbox/${raw.id}`);
  const parsed = ZConversationParams.safeParse(raw);
  if (!parsed.success) notFound();
  return (
    <Suspense>
      <Inbox viewerId={caller.id} selectedId={parsed.data.id} />
    </Suspense>
  );
}
