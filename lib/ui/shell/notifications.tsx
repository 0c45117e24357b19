"use client";
// The agent's notifications: the sidebar's unread count and the list. Both are
// fetched again when the live stream reports a conversation event (their key is
// under the inbox lists'), never on a timer.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { api } from "../shared/api-client";
import { formatTime } from "../shared/format";
import { Empty, ErrorState, FormError, Loading } from "../shared/states";
import { inboxKeys } from "../inbox/query-keys";

interface NotificationView {
  id: string;
  kind: "assigned" | "mentioned" | "customer_replied";
  conversationId: number;
  createdAt: string;
  readAt: string | null;
  actor: string | null;
  conversation: { id: number; subject: string; customer: { name: string } } | null;
}

function useNotifications() {
  return useQuery({
    queryKey: inboxKeys.notifications(),
    queryFn: () => api<{ unread: number; items: NotificationView[] }>("/api/notifications"),
  });
}

function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) => api("/api/notifications/read", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKeys.notifications() }),
  });
}

export function NotificationsLink({ active }: { active: boolean }) {
  const q = useNotifications();
  const unread = q.data?.unread ?? 0;
  return (
    <Link href="/notifications" className={`nav-link${active ? " is-active" : ""}`} data-testid="notifications-link">
      <span className="nav-label">Notifications</span>
      {unread > 0 && (
        <span className="nav-count nav-unread" aria-label={`${unread} unread`}>
          {unread}
        </span>
      )}
    </Link>
  );
}

const says = (n: NotificationView) => {
  const who = n.actor ?? "Auto-assignment";
  if (n.kind === "assigned") return `${who} assigned you`;
  if (n.kind === "mentioned") return `${who} mentioned you in a note`;
  return `${n.conversation?.customer.name ?? "The customer"} answered`;
};

export function NotificationList() {
  const q = useNotifications();
  const read = useMarkRead();
  const router = useRouter();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data.items.length)
    return (
      <Empty>
        Nothing yet. You are told here when a conversation is assigned to you, someone mentions you, or a customer
        answers you.
      </Empty>
    );
  return (
    <>
      <p>
        {q.data.unread} unread{" "}
        {q.data.unread > 0 && (
          <button type="button" className="btn btn-link" onClick={() => read.mutate({ all: true })}>
            Mark all read
          </button>
        )}
      </p>
      <FormError message={read.error?.message} />
      <ul className="plain-list notification-list" aria-label="Notifications">
        {q.data.items.map((n) => (
          <li key={n.id} className={n.readAt ? "is-read" : "is-unread"}>
            <button
              type="button"
              className="btn btn-link notification"
              onClick={() => {
                if (!n.readAt) read.mutate({ ids: [n.id] });
                router.push(`/inbox/${n.conversationId}`);
              }}
            >
              <strong>{says(n)}</strong> — #{n.conversationId} {n.conversation?.subject ?? ""}
            </button>{" "}
            <time className="muted" dateTime={n.createdAt}>
              {formatTime(n.createdAt)}
            </time>
            {!n.readAt && <span className="badge">new</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
