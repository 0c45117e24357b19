"use client";
// One menu of the phone menu: its id, name, prompt and retries, the options
// (key, spoken phrases, action) and what happens when retries run out.
import type { IvrFallback, IvrMenu } from "@/lib/shared/ivr-config";
import { ActionEditor, newAction } from "./action-editor";
import { PromptFields } from "./prompt-fields";

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*"];

export function IvrMenuFields({
  menu,
  menuIds,
  change,
  onDelete,
}: {
  menu: IvrMenu;
  menuIds: string[];
  /** applies a change to a copy of this menu in the draft */
  change: (edit: (m: IvrMenu) => void) => void;
  /** absent for the only menu: a phone menu needs one */
  onDelete?: () => void;
}) {
  return (
    <fieldset className="ivr-menu" data-testid="ivr-menu">
      <legend>{menu.name || menu.id}</legend>
      <div className="fields">
        <label>
          Menu id
          <input value={menu.id} onChange={(e) => change((m) => void (m.id = e.target.value))} />
        </label>
        <label>
          Name
          <input value={menu.name} onChange={(e) => change((m) => void (m.name = e.target.value))} />
        </label>
        <label>
          Retries
          <input
            type="number"
            min={0}
            max={5}
            value={menu.maxRetries}
            onChange={(e) => change((m) => void (m.maxRetries = Number(e.target.value)))}
          />
        </label>
      </div>
      <PromptFields label="Prompt" prompt={menu.prompt} onChange={(p) => change((m) => void (m.prompt = p))} />
      <label className="wide">
        When the caller is not understood
        <input value={menu.retryMessage} onChange={(e) => change((m) => void (m.retryMessage = e.target.value))} />
      </label>
      <table className="table ivr-options" aria-label={`Options of ${menu.name}`}>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Or say</th>
            <th scope="col">Action</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {menu.options.map((o, j) => (
            <tr key={j} data-testid="ivr-option">
              <td>
                <input
                  aria-label="Key"
                  className="key-input"
                  value={o.key}
                  onChange={(e) => change((m) => void (m.options[j]!.key = e.target.value.trim()))}
                />
              </td>
              <td>
                <input
                  aria-label="Speech phrases"
                  value={o.speech.join(", ")}
                  onChange={(e) =>
                    change((m) => {
                      m.options[j]!.speech = e.target.value
                        .split(",")
                        .map((s) => s.trim())
                        .filter(Boolean);
                    })
                  }
                />
              </td>
              <td>
                <ActionEditor
                  label="Action"
                  action={o.action}
                  menuIds={menuIds}
                  onChange={(a) => change((m) => void (m.options[j]!.action = a))}
                />
              </td>
              <td>
                <button type="button" className="btn-link" onClick={() => change((m) => void m.options.splice(j, 1))}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="btn"
        onClick={() =>
          change((m) => {
            const free = KEYS.find((k) => !m.options.some((o) => o.key === k));
            m.options.push({ key: free ?? "", speech: [], action: newAction("voicemail", menuIds) });
          })
        }
      >
        Add option
      </button>
      <ActionEditor
        label="When retries run out"
        allowLoop={false}
        action={menu.fallback}
        menuIds={menuIds}
        onChange={(a) => change((m) => void (m.fallback = a as IvrFallback))}
      />
      {onDelete && (
        <button type="button" className="btn-link" onClick={onDelete}>
          Delete this menu
        </button>
      )}
    </fieldset>
  );
}
