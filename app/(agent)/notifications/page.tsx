import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { NotificationList } from "@/lib/ui/shell/notifications";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await requirePageCaller("agent", "/notifications");
  return (
    <main className="page">
      <h1>Notifications</h1>
      <NotificationList />
    </main>
  );
}
