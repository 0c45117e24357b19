"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AuditPage } from "@/lib/audit/queries";
import { api, type Json } from "../shared/api-client";
import { formatTime } from "../shared/format";
import { adminKeys } from "./query-keys";
import { QueryTable } from "../shared/data-table";

const FAMILIES: [string, string][] = [
  ["", "All events"],
  ["auth.*", "Sign-ins"],
  ["auth.sign_in_failed", "Failed sign-ins"],
  ["token.*", "API tokens"],
  ["settings.*", "Settings changes"],
  ["account.*", "Accounts"],
  ["conversation.*", "Conversations"],
  ["message.*", "Messages"],
  ["call.*", "Calls"],
];

export function AuditLog() {
  const [action, setAction] = useState("");
  const [q, setQ] = useState("");
  const [since, setSince] = useState("");
  const filters = { action, q: q.trim(), since };
  const query = useInfiniteQuery({
    queryKey: adminKeys.auditPage(filters),
    initialPageParam: "",
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: "50" });
      if (action) params.set("action", action);
      if (filters.q) params.set("q", filters.q);
      if (since) params.set("since", new Date(since).toISOString());
      if (pageParam) params.set("cursor", pageParam);
      return api<Json<AuditPage>>(`/api/admin/audit?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <div className="filters" role="search">
        <label>
          Events
          <select value={action} onChange={(e) => setAction(e.target.value)}>
            {FAMILIES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Details contain
          <input value={q} onChange={(e) => setQ(e.target.value)} placeholder="an email, an IP, a token name" />
        </label>
        <label>
          Since
          <input type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} />
        </label>
      </div>
      <QueryTable
        query={query}
        empty="No events match these filters."
        label="Audit log"
        rows={() => items}
        rowKey={(e) => e.id}
        rowTestId="audit-row"
        columns={[
          { header: "When", cell: (e) => <time dateTime={e.createdAt}>{formatTime(e.createdAt)}</time> },
          { header: "Event", cell: (e) => <code>{e.action}</code> },
          { header: "Who", cell: (e) => (e.actor ? `${e.actor.name} <${e.actor.email}>` : "—") },
          {
            header: "Details",
            className: () => "audit-details",
            cell: (e) => (
              <>
                {e.conversationId ? `#${e.conversationId} ` : ""}
                {JSON.stringify(e.data)}
              </>
            ),
          },
        ]}
      />
      {query.hasNextPage && (
        <button
          type="button"
          className="btn load-more"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? "Loading…" : "Older events"}
        </button>
      )}
    </>
  );
}
