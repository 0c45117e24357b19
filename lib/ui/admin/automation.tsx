"use client";
// Admin settings for the automatic processes: routing rules, SLA policies on
// business hours, auto-assignment per team and the auto-acknowledgement. Each
// card saves its own part.
import { ErrorState, Loading } from "../shared/states";
import { AssignmentCard } from "./automation/assignment-card";
import { AutoAckCard } from "./automation/auto-ack-card";
import { CsatCard } from "./automation/csat-card";
import { RulesCard } from "./automation/rules-card";
import { SlaCard } from "./automation/sla-card";
import { StatusesCard } from "./automation/statuses-card";
import { useAutomation } from "./use-automation";

export function AutomationSettings() {
  const q = useAutomation();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <RulesCard data={q.data} />
      <SlaCard key={JSON.stringify(q.data.config.sla)} data={q.data} />
      {/* Not re-keyed on save: their "Saved." must outlive the refetch that follows it. */}
      <AssignmentCard data={q.data} />
      <AutoAckCard data={q.data} />
      <CsatCard data={q.data} />
      <StatusesCard data={q.data} />
    </>
  );
}
