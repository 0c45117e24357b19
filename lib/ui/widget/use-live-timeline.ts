// The visitor's conversation, kept current by their event stream (which carries
// this visitor's events only; there are none before the first message), and
// whether an agent is typing.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { openEventStream } from "./event-stream";
import { type Timeline, widgetApi, widgetKeys } from "./widget-api";

/** A typing indicator expires if the "stopped" never comes. */
const TYPING_SHOWN_MS = 6_000;

export function useLiveTimeline(siteKey: string, token: string | null) {
  const client = useQueryClient();
  const [live, setLive] = useState(false);
  const [agentTyping, setAgentTyping] = useState<{ name: string; until: number } | null>(null);
  const timeline = useQuery({
    queryKey: widgetKeys.timeline(siteKey),
    queryFn: () => widgetApi<Timeline>("/api/widget/messages", token),
    enabled: !!token,
  });
  const hasConversation = !!timeline.data?.conversationId;

  useEffect(() => {
    if (!token || !hasConversation) return;
    return openEventStream(
      "/api/widget/stream",
      () => ({ authorization: `Visitor ${token}` }),
      (type, data) => {
        if (type === "typing") {
          const s = JSON.parse(data) as { data: { name: string; active: boolean } };
          setAgentTyping(s.data.active ? { name: s.data.name, until: Date.now() + TYPING_SHOWN_MS } : null);
          return;
        }
        if (type === "message.sent") setAgentTyping(null);
        void client.invalidateQueries({ queryKey: widgetKeys.timeline(siteKey) });
      },
      setLive,
    );
  }, [token, hasConversation, client, siteKey]);

  useEffect(() => {
    if (!agentTyping) return;
    const t = setTimeout(() => setAgentTyping(null), Math.max(0, agentTyping.until - Date.now()));
    return () => clearTimeout(t);
  }, [agentTyping]);

  return { timeline, hasConversation, live, agentTyping };
}
