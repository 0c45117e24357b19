import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findChatSite } from "@/lib/channels/chat/sites";
import { db } from "@/lib/db/client";
import { ChatWidget } from "@/lib/ui/widget/chat-widget";

export const metadata: Metadata = { title: "Chat" };

// Framed by the host site (proxy.ts allows exactly the site's origins to frame it).
export default async function WidgetPage({
  params,
  searchParams,
}: {
  params: Promise<{ siteKey: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { siteKey } = await params;
  const { host, user_id, user_email, user_name, user_hash } = await searchParams;
  const site = await findChatSite(db(), siteKey);
  if (!site) notFound();
  const identity =
    user_id && user_hash
      ? {
          userId: user_id,
          hash: user_hash,
          ...(user_email ? { email: user_email } : {}),
          ...(user_name ? { name: user_name } : {}),
        }
      : undefined;
  return <ChatWidget siteKey={site.key} host={host ?? ""} identity={identity} />;
}
