"use client";
// "?" lists the keyboard shortcuts (none of them fires while typing in a field).
import { useEffect, useRef } from "react";
import { isTyping } from "../shared/keyboard";

const SHORTCUTS: Array<[keys: string, what: string]> = [
  ["Ctrl K, ⌘ K or /", "find conversations, customers and actions"],
  ["j / k", "next / previous conversation in the list"],
  ["x", "select it (for bulk actions)"],
  ["o or Enter", "open it"],
  ["r", "reply"],
  ["n", "internal note"],
  ["a", "assign the conversation to me"],
  ["e", "solve it"],
  ["/ or # in the reply box", "insert a canned reply"],
  ["Ctrl Enter or ⌘ Enter", "send"],
  ["?", "this list"],
];

export function ShortcutsHelp() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "?" && !isTyping(e.target)) {
        e.preventDefault();
        dialog.current?.showModal();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <dialog ref={dialog} className="palette shortcuts-help" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="table">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button className="btn" type="submit">
          Close
        </button>
      </form>
    </dialog>
  );
}
