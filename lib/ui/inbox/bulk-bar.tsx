"use client";
// Actions on the selected conversations: one request, and a plain account of
// what changed and what could not (with the reason, per conversation).
import { useState } from "react";
import type { TBulkAction } from "@/lib/conversations/bulk";
import { PRIORITIES, type TPriority, type TStatus } from "@/lib/shared/vocabulary";
import { plural } from "@/lib/shared/plural";
import { customIdOf, StatusOptions } from "../shared/status-options";
import { FormError } from "../shared/states";
import { useAgents } from "./use-agents";
import { useBulkAction } from "./use-inbox";
import { NamedOptions } from "../shared/named-options";

type Change = Omit<TBulkAction, "ids">;

export function BulkBar({ ids, onDone }: { ids: number[]; onDone: () => void }) {
  const agents = useAgents();
  const bulk = useBulkAction();
  const [tag, setTag] = useState("");
  const [report, setReport] = useState<string | null>(null);
  const apply = (change: Change) => {
    setReport(null);
    bulk.mutate(
      { ids, ...change },
      {
        onSuccess: (r) => {
          const failed = r.results.filter((x) => !x.ok);
          setReport(
            `${plural(r.succeeded, "conversation")} updated` +
              (failed.length
                ? `; ${failed.length} not: ${failed.map((f) => `#${f.id} (${f.error?.message})`).join(", ")}`
                : "."),
          );
        },
      },
    );
  };
  const pick = (handler: (value: string) => void) => (e: React.ChangeEvent<HTMLSelectElement>) => {
    const v = e.target.value;
    e.target.value = "";
    if (v) handler(v);
  };
  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions">
      <strong>{ids.length} selected</strong>
      <select
        aria-label="Assign selected to"
        defaultValue=""
        onChange={pick((v) => apply({ assigneeId: v === "-" ? null : v }))}
        disabled={bulk.isPending}
      >
        <option value="">Assign to…</option>
        <option value="-">Nobody (unassign)</option>
        <NamedOptions items={agents.data?.agents} />
      </select>
      <select
        aria-label="Move selected to team"
        defaultValue=""
        onChange={pick((v) => apply({ teamId: v === "-" ? null : v }))}
        disabled={bulk.isPending}
      >
        <option value="">Team…</option>
        <option value="-">No team</option>
        <NamedOptions items={agents.data?.teams} />
      </select>
      <select
        aria-label="Set status of selected"
        defaultValue=""
        onChange={pick((v) => {
          const custom = customIdOf(v);
          apply(custom ? { customStatus: custom } : { status: v as TStatus });
        })}
        disabled={bulk.isPending}
      >
        <option value="">Status…</option>
        <StatusOptions custom={agents.data?.statuses} />
      </select>
      <select
        aria-label="Set priority of selected"
        defaultValue=""
        onChange={pick((v) => apply({ priority: v as TPriority }))}
        disabled={bulk.isPending}
      >
        <option value="">Priority…</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      <form
        className="bulk-tag"
        onSubmit={(e) => {
          e.preventDefault();
          const t = tag.trim().toLowerCase();
          if (t) apply({ addTags: [t] });
          setTag("");
        }}
      >
        <input
          aria-label="Tag to add to selected"
          placeholder="Add tag"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          maxLength={40}
        />
        <button type="submit" className="btn" disabled={bulk.isPending || !tag.trim()}>
          Tag
        </button>
      </form>
      {ids.length > 1 && (
        <select
          aria-label="Merge selected into"
          defaultValue=""
          onChange={pick((v) => apply({ mergeInto: Number(v) }))}
          disabled={bulk.isPending}
        >
          <option value="">Merge into…</option>
          {ids.map((id) => (
            <option key={id} value={id}>
              #{id}
            </option>
          ))}
        </select>
      )}
      <button type="button" className="btn btn-link" onClick={onDone}>
        Clear selection
      </button>
      {bulk.isPending && <span role="status">Applying…</span>}
      {report && (
        <p role="status" className="bulk-report" data-testid="bulk-report">
          {report}
        </p>
      )}
      <FormError message={bulk.error?.message} />
    </div>
  );
}
