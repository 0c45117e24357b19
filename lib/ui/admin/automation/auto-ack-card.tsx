"use client";
// The automatic acknowledgement of a new conversation, per channel.
import type { AutomationConfig } from "@/lib/automation/config";
import { FormError } from "../../shared/states";
import { type AutomationData, useSaveAutomation } from "../use-automation";
import { saveError } from "./fields";

export function AutoAckCard({ data }: { data: AutomationData }) {
  const save = useSaveAutomation();
  const ack = data.config.autoAck;
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    save.mutate({
      autoAck: {
        enabled: f.get("enabled") === "on",
        channels: f.getAll("ackChannels") as AutomationConfig["autoAck"]["channels"],
        template: String(f.get("template") ?? ""),
      },
    });
  };
  return (
    <form className="card" onSubmit={submit} aria-label="Auto-acknowledgement">
      <h2>Auto-acknowledgement</h2>
      <p className="muted">
        Answers a new conversation on the customer&apos;s channel. Never sent to auto-replies or bulk mail.{" "}
        <code>{"{{reference}}"}</code> is the conversation&apos;s number, <code>{"{{expectation}}"}</code> the
        first-response time of its SLA policy.
      </p>
      <label>
        <input type="checkbox" name="enabled" defaultChecked={ack.enabled} /> Send acknowledgements
      </label>
      <fieldset className="checkboxes">
        <legend>On</legend>
        {(["email", "sms", "chat"] as const).map((c) => (
          <label key={c}>
            <input type="checkbox" name="ackChannels" value={c} defaultChecked={ack.channels.includes(c)} /> {c}
          </label>
        ))}
      </fieldset>
      <label className="wide">
        Message
        <textarea name="template" rows={2} defaultValue={ack.template} maxLength={1000} />
      </label>
      <FormError message={saveError(save.error)} />
      {save.isSuccess && <p role="status">Saved.</p>}
      <button className="btn" disabled={save.isPending}>
        Save acknowledgement
      </button>
    </form>
  );
}
