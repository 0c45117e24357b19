"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { WEBHOOK_EVENTS } from "@/lib/shared/webhook-events";
import { api } from "../shared/api-client";
import { formatTime } from "../shared/format";
import { FormError, QueryStates } from "../shared/states";
import { adminKeys } from "./query-keys";
import { plural } from "@/lib/shared/plural";
import { QueryTable } from "../shared/data-table";

interface Subscription {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
}
interface Delivery {
  id: string;
  event: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
}

export function Webhooks() {
  const qc = useQueryClient();
  const subs = useQuery({
    queryKey: adminKeys.webhooks(),
    queryFn: () => api<{ webhooks: Subscription[] }>("/api/admin/webhooks"),
  });
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<string[]>(["conversation.created", "message.received"]);
  const create = useMutation({
    mutationFn: () =>
      api<Subscription & { secret: string }>("/api/admin/webhooks", { method: "POST", body: { url, events } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.webhooks() }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/admin/webhooks/${id}`, { method: "DELETE" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.webhooks() }),
  });
  return (
    <>
      <QueryStates query={subs} isEmpty={() => subs.data!.webhooks.length === 0} empty="No webhooks yet.">
        {() =>
          subs.data!.webhooks.map((s) => (
            <section key={s.id} className="card" data-testid="webhook">
              <h2>{s.url}</h2>
              <p className="muted">
                {s.events.join(", ")} · since {formatTime(s.createdAt)}{" "}
                <button type="button" className="btn-link" onClick={() => remove.mutate(s.id)}>
                  Remove
                </button>
              </p>
              <DeliveryLog subscriptionId={s.id} />
            </section>
          ))
        }
      </QueryStates>
      <form
        className="card"
        aria-label="Add a webhook"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h2>Add a webhook</h2>
        <label>
          Endpoint URL
          <input
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://partner.example.com/hooks"
            required
          />
        </label>
        <fieldset>
          <legend>Events</legend>
          {WEBHOOK_EVENTS.map((ev) => (
            <label key={ev} className="check">
              <input
                type="checkbox"
                checked={events.includes(ev)}
                onChange={(e) => setEvents((cur) => (e.target.checked ? [...cur, ev] : cur.filter((x) => x !== ev)))}
              />
              <code>{ev}</code>
            </label>
          ))}
        </fieldset>
        <FormError message={create.error?.message ?? remove.error?.message} />
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          Add webhook
        </button>
        {create.data && (
          <div className="token-once" role="status">
            <p>Signing secret — copy it now, it will not be shown again:</p>
            <code>{create.data.secret}</code>
            <p className="muted">
              Verify each request: HMAC-SHA256 of <code>&lt;t&gt;.&lt;body&gt;</code> with this secret equals{" "}
              <code>v1</code> in the <code>Omnidesk-Signature: t=…,v1=…</code> header.
            </p>
          </div>
        )}
      </form>
    </>
  );
}

function DeliveryLog({ subscriptionId }: { subscriptionId: string }) {
  const qc = useQueryClient();
  const key = adminKeys.deliveries(subscriptionId);
  const log = useQuery({
    queryKey: key,
    queryFn: () => api<{ deliveries: Delivery[] }>(`/api/admin/webhooks/${subscriptionId}/deliveries`),
    refetchInterval: 5_000,
  });
  const replay = useMutation({
    mutationFn: (id: string) => api(`/api/admin/webhooks/deliveries/${id}/replay`, { method: "POST" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
  return (
    <QueryTable
      query={log}
      empty="Nothing delivered yet."
      label="Deliveries"
      rows={() => log.data!.deliveries}
      rowKey={(d) => d.id}
      columns={[
        { header: "When", cell: (d) => formatTime(d.createdAt) },
        { header: "Event", cell: (d) => <code>{d.event}</code> },
        {
          header: "Status",
          cell: (d) => (
            <>
              {d.status} · {plural(d.attempts, "attempt")}
              {d.lastStatusCode ? ` · HTTP ${d.lastStatusCode}` : ""}
              {d.lastError && d.status !== "delivered" ? ` · ${d.lastError}` : ""}
            </>
          ),
        },
        {
          header: "Replay",
          hiddenHeader: true,
          cell: (d) => (
            <button type="button" className="btn-link" onClick={() => replay.mutate(d.id)}>
              Replay
            </button>
          ),
        },
      ]}
    />
  );
}
