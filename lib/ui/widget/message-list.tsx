"use client";
// The conversation as the visitor sees it: bubbles (text, never HTML: whatever
// anyone typed is shown as typed), agents' initials, images, "Seen", typing.
import { useQuery } from "@tanstack/react-query";
import type { RefObject } from "react";
import { SurveyForm } from "../csat/survey-form";
import { type ChatImage, type ChatMessage, widgetFetch, widgetKeys } from "./widget-api";

export function MessageList({
  token,
  messages,
  loading,
  agentTyping,
  end,
}: {
  token: string;
  messages: ChatMessage[];
  loading: boolean;
  agentTyping: { name: string } | null;
  end: RefObject<HTMLDivElement | null>;
}) {
  return (
    <div className="widget-messages" aria-live="polite" aria-label="Messages">
      {loading && <p className="muted">Loading…</p>}
      {!loading && messages.length === 0 && <p className="muted">Ask us anything — we are here to help.</p>}
      {messages.map((m, i) => (
        <div key={m.id} className={`widget-bubble ${m.fromVisitor ? "mine" : "theirs"}`} data-testid="widget-message">
          {m.author && (
            <span className="widget-author">
              <Avatar name={m.author} /> {m.author}
            </span>
          )}
          {m.images.length > 0 ? (
            m.images.map((img) => <WidgetImage key={img.storageKey} token={token} image={img} />)
          ) : (
            <MessageBody body={m.body} fromVisitor={m.fromVisitor} />
          )}
          {m.fromVisitor && m.seen && !messages.slice(i + 1).some((n) => n.fromVisitor && n.seen) && (
            <span className="widget-seen" data-testid="widget-seen">
              Seen
            </span>
          )}
        </div>
      ))}
      {agentTyping && (
        <p className="muted widget-typing" data-testid="widget-typing">
          {agentTyping.name} is typing…
        </p>
      )}
      <div ref={end} />
    </div>
  );
}

/** A satisfaction survey link from the helpdesk is answered right here, with buttons instead of a link. */
const SURVEY_LINK = /\s*https?:\/\/\S+\/csat\/([A-Za-z0-9_-]{20,100})\s*$/;

function MessageBody({ body, fromVisitor }: { body: string; fromVisitor: boolean }) {
  const survey = fromVisitor ? null : SURVEY_LINK.exec(body);
  if (!survey) return <span className="widget-text">{body}</span>;
  return (
    <>
      <span className="widget-text">{body.slice(0, survey.index)}</span>
      <SurveyForm token={survey[1]!} compact />
    </>
  );
}

/** An agent's initials on a colour of their own (the same name always gets the same colour). */
function Avatar({ name }: { name: string }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
  const hue = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  return (
    <span
      className="widget-avatar"
      style={{ background: `hsl(${hue} 55% 42%)` }}
      aria-hidden="true"
      data-testid="widget-avatar"
    >
      {initials || "?"}
    </span>
  );
}

/** An image of this chat, fetched with the visitor's token (an <img src> can't send it). */
function WidgetImage({ token, image }: { token: string; image: ChatImage }) {
  const q = useQuery({
    queryKey: widgetKeys.image(image.storageKey),
    queryFn: async () => {
      const res = await widgetFetch(`/api/widget/attachments/${image.storageKey}`, token);
      if (!res.ok) throw new Error("not available");
      return URL.createObjectURL(await res.blob());
    },
    staleTime: Infinity,
  });
  if (q.isError) return <span className="muted">[image not available]</span>;
  if (!q.data) return <span className="muted">Loading image…</span>;
  // A blob: URL of an authenticated fetch: next/image has nothing to optimise here.
  // eslint-disable-next-line @next/next/no-img-element
  return <img className="widget-image" src={q.data} alt={image.filename} data-testid="widget-image" />;
}
