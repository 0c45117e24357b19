"use client";
// The phone menu (IVR) editor: a draft of the whole document, saved at once and
// validated by the server (its field problems listed in words).
import Link from "next/link";
import { useState } from "react";
import { type IvrConfig, type IvrFallback, type IvrMenu, ZMenu } from "@/lib/shared/ivr-config";
import { ApiError } from "../shared/api-client";
import { ErrorState, FormError, Loading } from "../shared/states";
import { ActionEditor } from "./action-editor";
import { IvrMenuFields } from "./ivr-menu-fields";
import { PromptFields } from "./prompt-fields";
import { BusinessHoursFields, hoursErrors, hoursToText, parseHours, type HoursField } from "./business-hours-fields";
import { useIvrConfig, useSaveIvrConfig } from "./use-ivr-config";
import { pathInWords } from "../shared/field-path";

export function IvrEditor() {
  const q = useIvrConfig();
  // Lives above the form: a successful save re-keys the form, and its outcome must survive that.
  const save = useSaveIvrConfig();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  // Keyed by the saved document, so a save (or another admin's) restarts the draft from what is stored.
  return <IvrForm key={JSON.stringify(q.data.config)} saved={q.data.config} defaults={q.data.defaults} save={save} />;
}

function IvrForm({
  saved,
  defaults,
  save,
}: {
  saved: IvrConfig;
  defaults: IvrConfig;
  save: ReturnType<typeof useSaveIvrConfig>;
}) {
  const [draft, setDraft] = useState<IvrConfig>(saved);
  const [hours, setHours] = useState(() => hoursToText(saved.businessHours));
  const [holidays, setHolidays] = useState(saved.businessHours.holidays.join("\n"));
  const [localError, setLocalError] = useState<{ field: HoursField; error: string } | null>(null);
  const hoursProblems = hoursErrors(localError, save.error);
  const menuIds = draft.menus.map((m) => m.id);

  const update = (change: (d: IvrConfig) => void) =>
    setDraft((d) => {
      const next = structuredClone(d);
      change(next);
      return next;
    });
  const updateMenu = (index: number, change: (m: IvrMenu) => void) => update((d) => change(d.menus[index]!));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setLocalError(null);
    save.reset();
    const parsed = parseHours(draft.businessHours.timeZone, hours, holidays);
    if ("error" in parsed) return setLocalError(parsed);
    save.mutate({ ...draft, businessHours: parsed.hours });
  };

  const restoreDefaults = () => {
    setDraft(defaults);
    setHours(hoursToText(defaults.businessHours));
    setHolidays(defaults.businessHours.holidays.join("\n"));
  };

  const fieldErrors =
    save.error instanceof ApiError && Array.isArray(save.error.details)
      ? (save.error.details as { path: string; message: string }[])
      : [];

  return (
    <form className="ivr-editor" onSubmit={submit} aria-label="Phone menu">
      <section className="card">
        <h2>Voice and greeting</h2>
        <div className="fields">
          <label>
            Voice
            <input value={draft.voice} onChange={(e) => update((d) => void (d.voice = e.target.value))} />
          </label>
          <label>
            Language
            <input value={draft.language} onChange={(e) => update((d) => void (d.language = e.target.value))} />
          </label>
        </div>
        <PromptFields label="Greeting" prompt={draft.greeting} onChange={(p) => update((d) => void (d.greeting = p))} />
      </section>

      <section className="card">
        <h2>Business hours</h2>
        <BusinessHoursFields
          timeZone={draft.businessHours.timeZone}
          onTimeZone={(tz) => update((d) => void (d.businessHours.timeZone = tz))}
          hours={hours}
          onHours={setHours}
          holidays={holidays}
          onHolidays={setHolidays}
          errors={hoursProblems}
        />
        <PromptFields
          label="After-hours message"
          prompt={draft.afterHours.message}
          onChange={(p) => update((d) => void (d.afterHours.message = p))}
        />
        <ActionEditor
          label="After hours, then"
          allowLoop={false}
          action={draft.afterHours.action}
          menuIds={menuIds}
          onChange={(a) => update((d) => void (d.afterHours.action = a as IvrFallback))}
        />
      </section>

      <section className="card">
        <h2>Menus</h2>
        <label>
          Start menu
          <select value={draft.startMenu} onChange={(e) => update((d) => void (d.startMenu = e.target.value))}>
            {menuIds.map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        </label>
        {draft.menus.map((menu, i) => (
          <IvrMenuFields
            key={i}
            menu={menu}
            menuIds={menuIds}
            change={(edit) => updateMenu(i, edit)}
            onDelete={draft.menus.length > 1 ? () => update((d) => void d.menus.splice(i, 1)) : undefined}
          />
        ))}
        <button
          type="button"
          className="btn"
          onClick={() =>
            update((d) => {
              let n = d.menus.length + 1;
              while (d.menus.some((m) => m.id === `menu-${n}`)) n++;
              // The schema fills in retries, the retry message and the voicemail fallback's defaults.
              d.menus.push(
                ZMenu.parse({
                  id: `menu-${n}`,
                  name: `Menu ${n}`,
                  prompt: { say: "" },
                  options: [{ key: "*", speech: ["back"], action: { type: "back" } }],
                  fallback: { type: "voicemail" },
                }),
              );
            })
          }
        >
          Add menu
        </button>
      </section>

      <div className="form-actions">
        <FormError message={Object.keys(hoursProblems).length ? null : save.error?.message} />
        {fieldErrors.length ? (
          <ul className="form-error" data-testid="ivr-errors">
            {fieldErrors.map((d) => (
              <li key={d.path + d.message}>
                {pathInWords(d.path)}: {d.message}
              </li>
            ))}
          </ul>
        ) : null}
        {save.isSuccess && !save.isPending && (
          <p role="status" className="muted">
            Saved. New calls use this menu now.
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save phone menu"}
        </button>
        <button type="button" className="btn" onClick={restoreDefaults}>
          Restore defaults
        </button>
        <Link href="/admin/ivr/simulator">Try it in the simulator</Link>
      </div>
    </form>
  );
}
