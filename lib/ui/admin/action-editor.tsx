"use client";
import {
  ACTION_LABELS,
  type ActionType,
  DEFAULT_DIAL_TIMEOUT_SECONDS,
  type IvrAction,
  ZAction,
} from "@/lib/shared/ivr-config";

/**
 * A new action of a type, with the defaults the schema itself fills in. A dial
 * target has no default (the admin types it), and a sub-menu starts at the
 * first menu.
 */
export function newAction(type: ActionType, menuIds: string[]): IvrAction {
  if (type === "dial") return { type, to: "+1", timeoutSeconds: DEFAULT_DIAL_TIMEOUT_SECONDS };
  return ZAction.parse({ type, ...(type === "menu" ? { menu: menuIds[0] ?? "main" } : {}) });
}

export function ActionEditor({
  label,
  action,
  menuIds,
  onChange,
  allowLoop = true,
}: {
  label: string;
  action: IvrAction;
  menuIds: string[];
  onChange: (a: IvrAction) => void;
  /** fallbacks may not repeat or go back */
  allowLoop?: boolean;
}) {
  const types = (Object.keys(ACTION_LABELS) as ActionType[]).filter(
    (t) => allowLoop || (t !== "repeat" && t !== "back"),
  );
  return (
    <div className="action-editor">
      <label>
        {label}
        <select value={action.type} onChange={(e) => onChange(newAction(e.target.value as ActionType, menuIds))}>
          {types.map((t) => (
            <option key={t} value={t}>
              {ACTION_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      {action.type === "menu" && (
        <label>
          Menu
          <select value={action.menu} onChange={(e) => onChange({ ...action, menu: e.target.value })}>
            {menuIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
      )}
      {action.type === "queue" && (
        <>
          <label>
            Queue
            <input value={action.queue} onChange={(e) => onChange({ ...action, queue: e.target.value })} />
          </label>
          <label className="wide">
            Wait message ({"{position}"} is the caller&apos;s place)
            <input value={action.waitMessage} onChange={(e) => onChange({ ...action, waitMessage: e.target.value })} />
          </label>
        </>
      )}
      {action.type === "dial" && (
        <>
          <label>
            Number or client
            <input value={action.to} onChange={(e) => onChange({ ...action, to: e.target.value })} />
          </label>
          <label>
            Ring for (s)
            <input
              type="number"
              min={5}
              max={120}
              value={action.timeoutSeconds}
              onChange={(e) => onChange({ ...action, timeoutSeconds: Number(e.target.value) })}
            />
          </label>
        </>
      )}
      {action.type === "voicemail" && (
        <>
          <label className="wide">
            Prompt
            <input value={action.prompt} onChange={(e) => onChange({ ...action, prompt: e.target.value })} />
          </label>
          <label>
            Max length (s)
            <input
              type="number"
              min={10}
              max={600}
              value={action.maxLengthSeconds}
              onChange={(e) => onChange({ ...action, maxLengthSeconds: Number(e.target.value) })}
            />
          </label>
        </>
      )}
      {action.type === "hangup" && (
        <label className="wide">
          Goodbye message
          <input value={action.message} onChange={(e) => onChange({ ...action, message: e.target.value })} />
        </label>
      )}
    </div>
  );
}
