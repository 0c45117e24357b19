"use client";
// The chat inside the widget's iframe (served from this app, so the host page's
// CSS and scripts can't reach it): the session, then the live conversation and
// the message box.
import { useRef } from "react";
import { ComposeForm } from "./compose-form";
import { MessageList } from "./message-list";
import { useLiveTimeline } from "./use-live-timeline";
import { useSeenReplies } from "./use-seen-replies";
import { useVisitorSession } from "./use-visitor-session";
import { errorText, type Session, type WidgetIdentity } from "./widget-api";

export function ChatWidget({ siteKey, host, identity }: { siteKey: string; host: string; identity?: WidgetIdentity }) {
  const session = useVisitorSession(siteKey, host, identity);
  if (session.isError)
    return (
      <div className="widget widget-error" role="alert">
        {errorText(session.error, "The chat could not start.")}
      </div>
    );
  if (!session.data) return <div className="widget muted">Connecting…</div>;
  return <Chat siteKey={siteKey} session={session.data} />;
}

function Chat({ siteKey, session }: { siteKey: string; session: Session }) {
  const end = useRef<HTMLDivElement>(null);
  const { timeline, hasConversation, live, agentTyping } = useLiveTimeline(siteKey, session.token);
  const messages = timeline.data?.messages ?? [];
  useSeenReplies(session.token, messages, end);

  // Nobody at the dashboard: ask for an address to answer to by email.
  const offline = !session.agentsOnline && !hasConversation;
  const needPreChat = (session.site.requirePreChat || offline) && !session.known && !hasConversation;

  return (
    <div className="widget">
      <header className="widget-header">
        <strong>{session.site.name}</strong>
        <span className="muted" data-testid="widget-live">
          {hasConversation
            ? live
              ? "Live"
              : "Reconnecting…"
            : offline
              ? "We're away right now"
              : "We usually answer in a few minutes"}
        </span>
      </header>
      <MessageList
        token={session.token}
        messages={messages}
        loading={timeline.isLoading}
        agentTyping={agentTyping}
        end={end}
      />
      <ComposeForm
        siteKey={siteKey}
        token={session.token}
        hasConversation={hasConversation}
        needPreChat={needPreChat}
      />
    </div>
  );
}
