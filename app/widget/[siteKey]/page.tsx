import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findChatSite } from "@/lib/chat/sites";
import { db } from "@/lib/db/client";
import { ChatWidget } from "@/lib/ui/widget/chat-widget";

export const metadata: Metadata = { title: "Chat" };

// Framed by the host site (proxy.ts allows exactly the site's origins to frame it).
export default async function WidgetPage({
  params,
  searchParams,
}: {
  params: Promise<{ siteKey: string }>;
  searchParams: Promise<{ host?: string }>;
}) {
  const { siteKey } = await params;
  const { host } = await searchParams;
  const site = await findChatSite(db(), siteKey);
  if (!site) notFound();
  return <ChatWidget siteKey={site.key} host={host ?? ""} />;
}
