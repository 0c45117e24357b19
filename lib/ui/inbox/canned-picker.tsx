"use client";
// The list that opens when "/" or "#" starts a word in the composer: canned replies by shortcut or title.
import type { CannedReplyView } from "./use-canned-replies";

/** The "/word" being typed just before the caret, if any. */
export function cannedToken(text: string, caret: number): { start: number; query: string } | null {
  const m = /(^|\s)([/#])([\w-]*)$/.exec(text.slice(0, caret));
  return m ? { start: caret - m[3]!.length - 1, query: m[3]!.toLowerCase() } : null;
}

export function matchingReplies(replies: CannedReplyView[], query: string): CannedReplyView[] {
  return replies.filter((r) => r.shortcut.startsWith(query) || r.title.toLowerCase().includes(query)).slice(0, 8);
}

export function CannedPicker({
  replies,
  active,
  onPick,
}: {
  replies: CannedReplyView[];
  active: number;
  onPick: (r: CannedReplyView) => void;
}) {
  return (
    <ul className="canned-picker" role="listbox" id="canned-picker" aria-label="Canned replies">
      {replies.length === 0 && (
        <li className="muted" role="option" aria-selected={false} aria-disabled>
          No canned reply matches. Add them under Settings › Canned replies.
        </li>
      )}
      {replies.map((r, i) => (
        <li
          key={r.id}
          id={`canned-${r.id}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? "is-active" : undefined}
          // Keeps the text box focused: the pick happens on mouse down.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(r);
          }}
        >
          <strong>/{r.shortcut}</strong> {r.title}
          {r.folder && <span className="muted"> · {r.folder}</span>}
        </li>
      ))}
    </ul>
  );
}
