"use client";
// The team's own statuses, each counting as open, pending or solved.
import { FormError } from "../../shared/states";
import { type AutomationData, useSaveAutomation } from "../use-automation";
import { newId, saveError } from "./fields";

export function StatusesCard({ data }: { data: AutomationData }) {
  const save = useSaveAutomation();
  const statuses = data.config.statuses;
  const add = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const status = { id: newId(), name: String(f.get("name") ?? ""), category: f.get("category") as "open" };
    save.mutate({ statuses: [...statuses, status] }, { onSuccess: () => form.reset() });
  };
  return (
    <section className="card" aria-labelledby="statuses-heading">
      <h2 id="statuses-heading">Statuses</h2>
      <p className="muted">
        Your own statuses on top of New, Open, Pending, Solved and Closed — like “Waiting on engineering”. Each counts
        as the status it belongs to for SLAs, reports and the customer.
      </p>
      {statuses.length === 0 ? (
        <p className="state state-empty">No statuses of your own yet.</p>
      ) : (
        <ul className="rule-list">
          {statuses.map((x) => (
            <li key={x.id} data-testid="custom-status">
              <strong>{x.name}</strong> <span className="muted">counts as {x.category}</span>{" "}
              <button
                type="button"
                className="btn-link"
                onClick={() => save.mutate({ statuses: statuses.filter((y) => y.id !== x.id) })}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="fields" onSubmit={add} aria-label="Add a status">
        <label>
          Status name
          <input name="name" required maxLength={40} />
        </label>
        <label>
          Counts as
          <select name="category" defaultValue="pending">
            <option value="open">Open</option>
            <option value="pending">Pending</option>
            <option value="solved">Solved</option>
          </select>
        </label>
        <button className="btn" disabled={save.isPending}>
          Add status
        </button>
      </form>
      <FormError message={saveError(save.error)} />
    </section>
  );
}
