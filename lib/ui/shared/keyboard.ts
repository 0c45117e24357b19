/** True while the user types in a field (or a dialog has focus): single-key shortcuts must not fire then. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest("input, textarea, select, dialog, [contenteditable]");
}
