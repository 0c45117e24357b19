"use client";
// Satisfaction surveys: on or off, the channels, the throttle per customer.
import { FormError } from "../../shared/states";
import { type AutomationData, useSaveAutomation } from "../use-automation";
import { saveError } from "./fields";

export function CsatCard({ data }: { data: AutomationData }) {
  const save = useSaveAutomation();
  const csat = data.config.csat;
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    save.mutate({
      csat: {
        enabled: f.get("enabled") === "on",
        throttleDays: Number(f.get("throttleDays")),
        question: String(f.get("question") ?? ""),
      },
    });
  };
  return (
    <form className="card" onSubmit={submit} aria-label="Satisfaction surveys">
      <h2>Satisfaction surveys (CSAT)</h2>
      <p className="muted">
        When a conversation is solved, the customer gets one survey on the channel they last wrote from: a link by
        email, SMS or in the portal, rating buttons right in the chat. Answers show on the conversation and in reports.
      </p>
      <label>
        <input type="checkbox" name="enabled" defaultChecked={csat.enabled} /> Send surveys
      </label>
      <label>
        Don&apos;t ask a customer again within (days)
        <input type="number" name="throttleDays" min={0} max={365} defaultValue={csat.throttleDays} />
      </label>
      <label className="wide">
        Question (the link follows it)
        <textarea name="question" rows={2} defaultValue={csat.question} maxLength={500} />
      </label>
      <FormError message={saveError(save.error)} />
      {save.isSuccess && <p role="status">Saved.</p>}
      <button className="btn" disabled={save.isPending}>
        Save surveys
      </button>
    </form>
  );
}
