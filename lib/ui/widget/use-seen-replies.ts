// Tells the helpdesk its messages were seen (once each, while the chat is in
// front of the visitor), and the loader on the host page how many replies are
// unread, for the launcher's badge.
import { type RefObject, useCallback, useEffect, useRef } from "react";
import { type ChatMessage, widgetApi } from "./widget-api";

function postUnread(count: number) {
  window.parent?.postMessage({ type: "omnidesk:unread", count }, "*");
}

export function useSeenReplies(token: string | null, messages: ChatMessage[], end: RefObject<HTMLDivElement | null>) {
  const seen = useRef(0);
  const replies = messages.filter((m) => !m.fromVisitor).length;
  const lastReply = messages.findLast((m) => !m.fromVisitor);

  const reportSeen = useCallback(() => {
    if (token && lastReply && !lastReply.seen) {
      void widgetApi("/api/widget/seen", token, { method: "POST", body: { upTo: lastReply.id } }).catch(
        () => undefined,
      );
    }
  }, [token, lastReply]);

  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
    const visible = document.visibilityState === "visible" && document.hasFocus();
    if (visible) {
      seen.current = replies;
      reportSeen();
    }
    postUnread(Math.max(0, replies - seen.current));
  }, [replies, messages.length, reportSeen, end]);

  const onFocus = useCallback(() => {
    seen.current = replies;
    postUnread(0);
    reportSeen();
  }, [replies, reportSeen]);
  useEffect(() => {
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [onFocus]);
}
