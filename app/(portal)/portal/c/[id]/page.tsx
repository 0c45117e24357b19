import { notFound } from "next/navigation";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { ZConversationParams } from "@/lib/gateway/params";
import { PortalConversation } from "@/lib/ui/portal/portal-conversation";

export default async function PortalConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = await params;
  await requirePageCaller("customer", `/portal/c/${raw.id}`);
  const parsed = ZConversationParams.safeParse(raw);
  if (!parsed.success) notFound();
  return <PortalConversation id={parsed.data.id} />;
}
