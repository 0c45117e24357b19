"use client";
// Messages the helpdesk accepted but could not file into a conversation after
// every retry, with the reason and the original; "Retry" sends one through
// again once whatever failed is mended.
import { CHANNEL_LABELS, formatTime } from "../shared/format";
import { QueryTable } from "../shared/data-table";
import { FormError } from "../shared/states";
import { useFailedInbound, useRetryFailedInbound } from "./use-failed-inbound";

export function FailedInbound() {
  const q = useFailedInbound();
  const retry = useRetryFailedInbound();
  return (
    <main className="page">
      <h1>Failed inbound</h1>
      <p className="muted">
        Messages that arrived and were stored, but could not be filed into a conversation after every retry. Nothing
        here is lost: open the original, mend the cause, and retry.
      </p>
      <QueryTable
        query={q}
        empty={<>Nothing failed: every message that arrived is in a conversation.</>}
        label="Failed inbound messages"
        rows={() => q.data!.items}
        rowKey={(m) => m.id}
        rowTestId="failed-inbound-row"
        columns={[
          { header: "Received", cell: (m) => <time dateTime={m.receivedAt}>{formatTime(m.receivedAt)}</time> },
          { header: "Channel", cell: (m) => CHANNEL_LABELS[m.channel] },
          { header: "From", cell: (m) => m.from || "—" },
          { header: "Message", className: () => "msg-body", cell: (m) => m.excerpt || "—" },
          {
            header: "Why it failed",
            cell: (m) => (
              <>
                {m.reason}
                <div className="muted">after {m.attempts} attempts</div>
              </>
            ),
          },
          {
            header: "Actions",
            hiddenHeader: true,
            cell: (m) => (
              <>
                <a href={`/api/inbound/failed/${encodeURIComponent(m.id)}/original`} target="_blank" rel="noreferrer">
                  View original
                </a>{" "}
                <button
                  type="button"
                  className="btn-link"
                  disabled={retry.isPending}
                  onClick={() => retry.mutate(m.id)}
                >
                  Retry
                </button>
              </>
            ),
          },
        ]}
      />
      <FormError message={retry.error?.message} />
      {retry.isSuccess && (
        <p role="status" className="muted">
          Sent through again: it appears in its conversation once the worker has filed it.
        </p>
      )}
    </main>
  );
}

/** The header's link, shown only while something failed, with how many. */
export function FailedInboundLink() {
  const q = useFailedInbound();
  const total = q.data?.total ?? 0;
  if (!total) return null;
  return (
    <a href="/inbound/failed" className="badge badge-danger" data-testid="failed-inbound-count">
      {total} failed inbound
    </a>
  );
}
