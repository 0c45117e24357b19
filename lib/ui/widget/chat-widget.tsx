"use client";
// The chat inside the widget's iframe (served from this app, so the host
// page's CSS and scripts can't reach it). The visitor token is kept in this
// frame's localStorage per site: history survives reloads on this browser.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { SurveyForm } from "../csat/survey-form";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { ApiError } from "../shared/api-client";
import { FormError } from "../shared/states";
import { openEventStream } from "./event-stream";

interface Session {
  token: string;
  site: { name: string; requirePreChat: boolean };
  known: boolean;
  agentsOnline: boolean;
}
interface ChatMessage {
  id: string;
  fromVisitor: boolean;
  body: string;
  author: string | null;
  createdAt: string;
  /** the other side saw it */
  seen: boolean;
  images: { storageKey: string; filename: string }[];
}
interface Timeline {
  conversationId: number | null;
  status: string | null;
  messages: ChatMessage[];
}

/** A call to the widget API as this visitor: a JSON `body`, or a `file` sent as it is (its name in X-Filename). */
async function widgetApi<T>(
  path: string,
  token: string | null,
  init: { method?: string; body?: unknown; file?: File } = {},
) {
  const { file } = init;
  const res = await fetch(path, {
    method: init.method ?? "GET",
    headers: {
      ...(token ? { authorization: `Visitor ${token}` } : {}),
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(file
        ? { "content-type": file.type || "application/octet-stream", "x-filename": encodeURIComponent(file.name) }
        : {}),
    },
    body: file ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  }).catch(() => {
    throw new ApiError(0, "network_error", "Can't reach us right now. Check your connection.");
  });
  const data = await res.json().catch(() => undefined);
  if (!res.ok)
    throw new ApiError(res.status, data?.error?.code ?? "http_error", data?.error?.message ?? "Something went wrong");
  return data as T;
}

const storageKey = (siteKey: string) => `omnidesk:visitor:${siteKey}`;

/** Tells the loader on the host page how many replies are unread (for the launcher's badge). */
function postUnread(count: number) {
  window.parent?.postMessage({ type: "omnidesk:unread", count }, "*");
}

export interface WidgetIdentity {
  userId: string;
  hash: string;
  email?: string;
  name?: string;
}

export function ChatWidget({ siteKey, host, identity }: { siteKey: string; host: string; identity?: WidgetIdentity }) {
  const client = useQueryClient();
  const [session, setSession] = useState<Session | null>(null);
  const [sessionError, setSessionError] = useState("");
  const [live, setLive] = useState(false);
  const [text, setText] = useState("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState("");
  const seen = useRef(0);
  const [agentTyping, setAgentTyping] = useState<{ name: string; until: number } | null>(null);
  const lastTyping = useRef(0);
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const kept = window.localStorage.getItem(storageKey(siteKey)) ?? undefined;
    widgetApi<Session>("/api/widget/session", null, {
      method: "POST",
      body: { siteKey, host, ...(identity ? { identity } : { token: kept }) },
    }).then(
      (s) => {
        window.localStorage.setItem(storageKey(siteKey), s.token);
        setSession(s);
      },
      (err) => setSessionError(err instanceof ApiError ? err.message : "The chat could not start."),
    );
  }, [siteKey, host, identity]);

  const token = session?.token ?? null;
  const timeline = useQuery({
    queryKey: ["widget", siteKey, "timeline"],
    queryFn: () => widgetApi<Timeline>("/api/widget/messages", token),
    enabled: !!token,
  });
  const hasConversation = !!timeline.data?.conversationId;

  // Live replies: the stream carries this visitor's events only (there are none before the first message).
  useEffect(() => {
    if (!token || !hasConversation) return;
    return openEventStream(
      "/api/widget/stream",
      () => ({ authorization: `Visitor ${token}` }),
      (type, data) => {
        if (type === "typing") {
          const s = JSON.parse(data) as { data: { name: string; active: boolean } };
          setAgentTyping(s.data.active ? { name: s.data.name, until: Date.now() + 6_000 } : null);
          return;
        }
        if (type === "message.sent") setAgentTyping(null);
        void client.invalidateQueries({ queryKey: ["widget", siteKey, "timeline"] });
      },
      setLive,
    );
  }, [token, hasConversation, client, siteKey]);

  const messages = timeline.data?.messages ?? [];
  const replies = messages.filter((m) => !m.fromVisitor).length;
  const lastReply = messages.findLast((m) => !m.fromVisitor);
  // Tells the helpdesk its messages were seen, once each, while the chat is in front of the visitor.
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
  }, [replies, messages.length, reportSeen]);

  const onFocus = useCallback(() => {
    seen.current = replies;
    postUnread(0);
    reportSeen();
  }, [replies, reportSeen]);
  useEffect(() => {
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [onFocus]);

  // Typing indicators expire if the "stopped" never comes.
  useEffect(() => {
    if (!agentTyping) return;
    const t = setTimeout(() => setAgentTyping(null), Math.max(0, agentTyping.until - Date.now()));
    return () => clearTimeout(t);
  }, [agentTyping]);

  const reportTyping = (typing: boolean) => {
    if (!token || !hasConversation) return;
    if (typing && Date.now() - lastTyping.current < 3_000) return;
    lastTyping.current = typing ? Date.now() : 0;
    void widgetApi("/api/widget/typing", token, { method: "POST", body: { typing } }).catch(() => undefined);
  };

  // Nobody at the dashboard: ask for an address to answer to by email.
  const offline = !!session && !session.agentsOnline && !hasConversation;
  const needPreChat = !!session && (session.site.requirePreChat || offline) && !session.known && !hasConversation;

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!token || !text.trim()) return;
    setSending(true);
    setError("");
    try {
      await widgetApi("/api/widget/messages", token, {
        method: "POST",
        body: {
          body: text,
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(email.trim() ? { email: email.trim() } : {}),
        },
      });
      setText("");
      reportTyping(false);
      await client.invalidateQueries({ queryKey: ["widget", siteKey, "timeline"] });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Your message was not sent. Try again.");
    } finally {
      setSending(false);
    }
  };

  const sendImage = async (file: File) => {
    if (!token) return;
    setSending(true);
    setError("");
    try {
      await widgetApi("/api/widget/attachments", token, { method: "POST", file });
      await client.invalidateQueries({ queryKey: ["widget", siteKey, "timeline"] });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "The image was not sent. Try again.");
    } finally {
      setSending(false);
    }
  };

  if (sessionError)
    return (
      <div className="widget widget-error" role="alert">
        {sessionError}
      </div>
    );
  if (!session) return <div className="widget muted">Connecting…</div>;

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
      <div className="widget-messages" aria-live="polite" aria-label="Messages">
        {timeline.isLoading && <p className="muted">Loading…</p>}
        {!timeline.isLoading && messages.length === 0 && (
          <p className="muted">Ask us anything — we are here to help.</p>
        )}
        {messages.map((m, i) => (
          <div key={m.id} className={`widget-bubble ${m.fromVisitor ? "mine" : "theirs"}`} data-testid="widget-message">
            {m.author && (
              <span className="widget-author">
                <Avatar name={m.author} /> {m.author}
              </span>
            )}
            {/* Text, never HTML: whatever anyone typed is shown as typed. */}
            {m.images.length > 0 ? (
              m.images.map((img) => <WidgetImage key={img.storageKey} token={token!} image={img} />)
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
      <form className="widget-form" onSubmit={send}>
        {needPreChat && (
          <>
            <input
              aria-label="Your name"
              placeholder="Your name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={200}
            />
            <input
              aria-label="Your email"
              type="email"
              placeholder="Your email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          </>
        )}
        <FormError message={error} />
        <div className="widget-compose">
          <textarea
            aria-label="Your message"
            placeholder="Type your message…"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              reportTyping(true);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
            rows={2}
          />
          <label className="btn widget-attach" title="Send an image">
            <span aria-hidden="true">🖼</span>
            <input
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp"
              aria-label="Send an image"
              className="sr-only"
              disabled={sending || needPreChat}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (file) void sendImage(file);
              }}
            />
          </label>
          <button type="submit" className="btn btn-primary" disabled={sending || !text.trim()}>
            Send
          </button>
        </div>
      </form>
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
function WidgetImage({ token, image }: { token: string; image: { storageKey: string; filename: string } }) {
  const q = useQuery({
    queryKey: ["widget-image", image.storageKey],
    queryFn: async () => {
      const res = await fetch(`/api/widget/attachments/${image.storageKey}`, {
        headers: { authorization: `Visitor ${token}` },
      });
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
