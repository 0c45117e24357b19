"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { LocallyRecorded } from "@/lib/channels/local-recorder";
import { api, type Json } from "../shared/api-client";
import { CHANNEL_LABELS, formatTime } from "../shared/format";
import { QueryStates } from "../shared/states";
import { inboxKeys } from "./query-keys";

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
      <QueryStates
        query={q}
        isEmpty={() => q.data!.items.length === 0}
        empty={<>Nothing recorded: every reply so far went out through a real provider, or none was sent.</>}
      >
        {() => (
          <table className="table" aria-label="Locally recorded messages">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Channel</th>
                <th scope="col">To</th>
                <th scope="col">Message</th>
                <th scope="col">Conversation</th>
              </tr>
            </thead>
            <tbody>
              {q.data!.items.map((m) => (
                <tr key={m.id} data-testid="local-outbox-row">
                  <td>
                    <time dateTime={m.createdAt}>{formatTime(m.createdAt)}</time>
                  </td>
                  <td>{CHANNEL_LABELS[m.channel]}</td>
                  <td>
                    {m.customerName}
                    {m.to ? ` <${m.to}>` : " (no address on file)"}
                  </td>
                  <td className="msg-body">{m.body}</td>
                  <td>
                    <Link href={`/inbox/${m.conversationId}`}>
                      #{m.conversationId} {m.subject}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryStates>
    </main>
  );
}
