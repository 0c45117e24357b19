// What the visitor sends: messages (with the pre-chat name and email), images,
// and "typing" signals (at most one every three seconds).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { widgetApi, widgetKeys } from "./widget-api";

const TYPING_EVERY_MS = 3_000;

export function useVisitorMessages(siteKey: string, token: string | null, hasConversation: boolean) {
  const client = useQueryClient();
  const lastTyping = useRef(0);
  const refresh = () => client.invalidateQueries({ queryKey: widgetKeys.timeline(siteKey) });

  const reportTyping = (typing: boolean) => {
    if (!token || !hasConversation) return;
    if (typing && Date.now() - lastTyping.current < TYPING_EVERY_MS) return;
    lastTyping.current = typing ? Date.now() : 0;
    void widgetApi("/api/widget/typing", token, { method: "POST", body: { typing } }).catch(() => undefined);
  };

  const sendMessage = useMutation({
    mutationFn: (m: { body: string; name?: string; email?: string }) =>
      widgetApi("/api/widget/messages", token, { method: "POST", body: m }),
    onSuccess: async () => {
      reportTyping(false);
      await refresh();
    },
  });
  const sendImage = useMutation({
    mutationFn: (file: File) => widgetApi("/api/widget/attachments", token, { method: "POST", file }),
    onSuccess: refresh,
  });
  return { sendMessage, sendImage, reportTyping };
}
