"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { LocallyRecorded } from "@/lib/channels/local-recorder";
import { api, type Json } from "../shared/api-client";
import { CHANNEL_LABELS, formatTime } from "../shared/format";
import { inboxKeys } from "./query-keys";
import { QueryTable } from "../shared/data-table";

export function LocalOutbox() {
  const q = useQuery({
    queryKey: inboxKeys.localOutbox(),
    queryFn: () => api<{ items: Json<LocallyRecorded>[] }>("/api/dev/outbox?limit=100"),
    refetchInterval: 5_000,
  });
  return (
    <main className="page">
      <h1>Local outbox</h1>
      <p className="muted">
        Replies on channels without a configured provider (for SMS: <code>TWILIO_*</code>) are recorded here instead of
        being sent. Newest first.
      </p>
      <QueryTable
        query={q}
        empty={<>Nothing recorded: every reply so far went out through a real provider, or none was sent.</>}
        label="Locally recorded messages"
        rows={() => q.data!.items}
        rowKey={(m) => m.id}
        rowTestId="local-outbox-row"
        columns={[
          { header: "When", cell: (m) => <time dateTime={m.createdAt}>{formatTime(m.createdAt)}</time> },
          { header: "Channel", cell: (m) => CHANNEL_LABELS[m.channel] },
          {
            header: "To",
            cell: (m) => (
              <>
                {m.customerName}
                {m.to ? ` <${m.to}>` : " (no address on file)"}
              </>
            ),
          },
          { header: "Message", className: () => "msg-body", cell: (m) => m.body },
          {
            header: "Conversation",
            cell: (m) => (
              <Link href={`/inbox/${m.conversationId}`}>
                #{m.conversationId} {m.subject}
              </Link>
            ),
          },
        ]}
      />
    </main>
  );
}
