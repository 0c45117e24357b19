"use client";
import Link from "next/link";
import { EmailHtml } from "./email-html";
import { ApiError } from "../shared/api-client";
import { CustomerSidePane } from "../customers/customer-side-pane";
import { PRIORITIES, type TPriority, type TStatus } from "@/lib/shared/vocabulary";
import { CHANNEL_LABELS, formatIdentity, formatTime, STATUS_LABELS } from "../shared/format";
import { Empty, ErrorState, Loading, FormError } from "../shared/states";
import { useAgents } from "./use-agents";
import { useConversation, type ConversationView } from "./use-conversation";
import { useUpdateConversation } from "./use-conversation-mutations";
import { Composer } from "./composer";
import { customIdOf, customValue, StatusOptions } from "../shared/status-options";
import { useActivity } from "../shared/activity";
import { SlaBadge, useNow } from "../shared/sla";
import { ConversationTools } from "./conversation-tools";
import { plural } from "@/lib/shared/plural";
import { NamedOptions } from "../shared/named-options";

export function ConversationPane({ id, viewerId }: { id: number; viewerId: string }) {
  const q = useConversation(id);
  if (q.isPending) return <Loading label="Loading conversation…" />;
  if (q.isError)
    return q.error instanceof ApiError && q.error.status === 404 ? (
      <Empty>
        Conversation #{id} doesn&apos;t exist — it may have been deleted, or the link is wrong.{" "}
        <Link href="/inbox">Back to the inbox</Link>
      </Empty>
    ) : (
      <ErrorState error={q.error} onRetry={() => void q.refetch()} />
    );
  const c = q.data;
  return (
    <div className="conversation-layout">
      <article className="conversation" aria-labelledby="conversation-title">
        <header className="conversation-header">
          <div>
            <h1 id="conversation-title">
              #{c.id} {c.subject}
            </h1>
            <p className="muted" data-testid="customer-line">
              <Link href={`/customers/${c.customer.id}`}>{c.customer.name}</Link> ·{" "}
              {c.customer.identities
                .filter((i) => i.kind === "email" || i.kind === "phone")
                .map((i) => formatIdentity(i.kind, i.value))
                .join(" · ")}{" "}
              · started on {CHANNEL_LABELS[c.channel]}
            </p>
            <SlaSummary conversation={c} />
            {/* Per conversation (and its tags): another conversation's typed input or confirmation never carries over. */}
            <ConversationTools key={`${c.id}:${c.tags.join(",")}`} conversation={c} />
          </div>
          <ConversationControls conversation={c} viewerId={viewerId} />
        </header>
        <Timeline conversation={c} />
        <ActivityBar conversationId={c.id} viewerId={viewerId} />
        <Composer key={c.id} conversation={c} viewerId={viewerId} />
      </article>
      <CustomerSidePane customerId={c.customer.id} conversationId={c.id} />
    </div>
  );
}

function ConversationControls({ conversation: c, viewerId }: { conversation: ConversationView; viewerId: string }) {
  const agents = useAgents();
  const update = useUpdateConversation(c.id);
  return (
    <div className="controls">
      <label>
        Status
        <select
          value={c.customStatus ? customValue(c.customStatus) : c.status}
          onChange={(e) => {
            const customStatus = customIdOf(e.target.value);
            update.mutate(customStatus ? { customStatus } : { status: e.target.value as TStatus });
          }}
          disabled={update.isPending}
        >
          <StatusOptions custom={agents.data?.statuses} />
        </select>
      </label>
      <label>
        Priority
        <select
          value={c.priority}
          onChange={(e) => update.mutate({ priority: e.target.value as TPriority })}
          disabled={update.isPending}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        Assignee
        <select
          value={c.assignee?.id ?? ""}
          onChange={(e) => update.mutate({ assigneeId: e.target.value || null })}
          disabled={update.isPending || agents.isPending}
        >
          <option value="">Unassigned</option>
          <NamedOptions items={agents.data?.agents} label={(a) => (a.id === viewerId ? `${a.name} (me)` : a.name)} />
        </select>
      </label>
      <label>
        Team
        <select
          value={c.team?.id ?? ""}
          onChange={(e) => update.mutate({ teamId: e.target.value || null })}
          disabled={update.isPending || agents.isPending}
        >
          <option value="">No team</option>
          <NamedOptions items={agents.data?.teams} />
        </select>
      </label>
      {c.assignee?.id !== viewerId && (
        <button
          type="button"
          className="btn"
          onClick={() => update.mutate({ assigneeId: viewerId })}
          disabled={update.isPending}
        >
          Assign to me
        </button>
      )}
      <FormError message={update.error?.message} />
    </div>
  );
}

const SLA_TARGETS = [
  ["firstResponseDueAt", "First response"],
  ["nextResponseDueAt", "Next response"],
  ["resolutionDueAt", "Resolution"],
] as const;

/** Tags, the SLA clocks still running and the targets already missed. */
function SlaSummary({ conversation: c }: { conversation: ConversationView }) {
  const now = useNow();
  const running = SLA_TARGETS.filter(([field]) => c[field]);
  if (!c.tags.length && !running.length && !c.breaches.length) return null;
  return (
    <p className="sla-summary" data-testid="sla-summary">
      {c.tags.map((t) => (
        <span key={t} className="badge badge-tag">
          {t}
        </span>
      ))}
      {running.map(([field, label]) => (
        <span key={field}>
          {label}: <SlaBadge dueAt={c[field]!} warnMinutes={0} now={now} />
        </span>
      ))}
      {c.breaches.length > 0 && (
        <span className="badge sla-breached">
          {c.breaches.length === 1 ? "1 SLA target missed" : `${c.breaches.length} SLA targets missed`}
        </span>
      )}
    </p>
  );
}

/** Who made a change no person made. */
const AUTOMATIC: Record<string, string> = { auto: "Auto-assignment", rule: "A routing rule", sla: "SLA escalation" };

interface Names {
  agent: (id: unknown) => string;
  team: (id: unknown) => string;
}
const status = (s: unknown) => STATUS_LABELS[String(s)] ?? String(s);
const list = (xs: string[]) => xs.join(", ");

/** Each event as a sentence that says what changed, to what. */
const EVENT_LABELS: Record<string, (d: Record<string, unknown>, a: string, n: Names) => string> = {
  "conversation.created": (d, a) =>
    d.startedBy === "agent"
      ? `${a} started this conversation by ${CHANNEL_LABELS[String(d.channel)] ?? d.channel}`
      : "",
  "conversation.assigned": (d, a, n) =>
    d.to
      ? n.agent(d.to) === a
        ? `${a} took the conversation`
        : `${a} assigned to ${n.agent(d.to)}`
      : `${a} unassigned ${d.from ? n.agent(d.from) : "the conversation"}`,
  "conversation.status_changed": (d, a) =>
    `${a} changed status ${status(d.from)} → ${status(d.to)}${d.custom ? ` (${String(d.custom)})` : ""}`,
  "conversation.priority_changed": (d, a) => `${a} changed priority ${d.from} → ${d.to}`,
  "conversation.team_changed": (d, a, n) =>
    d.to ? `${a} moved to team ${n.team(d.to)}` : `${a} removed team ${n.team(d.from)}`,
  "conversation.routed": (d) =>
    `Routed by ${(d.rules as string[]).map((r) => `“${r}”`).join(", ")}` +
    (Array.isArray(d.tags) ? ` · tagged ${d.tags.join(", ")}` : ""),
  "csat.answered": (d) =>
    `The customer ${d.changed ? "changed their rating to" : "rated this conversation"} ${"★".repeat(Number(d.rating))}${"☆".repeat(5 - Number(d.rating))} (${d.rating}/5)` +
    (d.comment ? `: “${String(d.comment)}”` : ""),
  "conversation.tags_changed": (d, a) => {
    const from = (d.from as string[] | undefined) ?? [];
    const to = (d.to as string[]) ?? [];
    const added = to.filter((t) => !from.includes(t));
    const removed = from.filter((t) => !to.includes(t));
    return [
      added.length ? `${a} added ${added.length > 1 ? "tags" : "tag"} ${list(added)}` : "",
      removed.length
        ? `${added.length ? "and removed" : `${a} removed`} ${removed.length > 1 ? "tags" : "tag"} ${list(removed)}`
        : "",
    ]
      .filter(Boolean)
      .join(" ");
  },
  "conversation.merged": (d, a) =>
    `${a} merged #${d.from} into this conversation (${plural(Number(d.messages), "message")})`,
  "conversation.merged_into": (d, a) => `${a} merged this conversation into #${d.into}`,
  "customer.merged": (d, a) => `${a} merged customer ${d.from} into ${d.into}`,
  "customer.merge_undone": (_d, a) => `${a} undid a customer merge`,
  "sla.breached": (d) =>
    `SLA missed: ${String(d.target).replace("_", " ")} was due ${new Date(String(d.dueAt)).toLocaleString()}`,
  "conversation.reopened": () => "Reopened by the customer's message",
  "message.delivery_note": (d) => String(d.note),
  "message.delivery_failed": (d) => `Delivery failed: ${d.error}`,
  "call.ended": (d) =>
    `Call ended: ${d.outcome}, ${d.durationSeconds} s` +
    (Array.isArray(d.path) && d.path.length ? ` · Path: ${d.path.join(" › ")}` : ""),
  "conversation.related": (d) => `Opened separately: this mail referenced conversation #${d.relatedConversationId}`,
  "sms.opted_out": (d) => `${d.phone} texted STOP: SMS replies are off`,
  "sms.opted_in": (d) => `${d.phone} texted START: SMS replies are on again`,
};

type Message = ConversationView["messages"][number];
type Entry =
  | { kind: "message"; at: string; m: Message }
  | { kind: "events"; at: string; events: Array<{ id: string; at: string; text: string }> }
  | { kind: "day"; at: string; label: string };

/** Messages and events in time order, runs of events grouped, a separator where the day changes. */
function timelineEntries(c: ConversationView, names: Names): Entry[] {
  const items = [
    ...c.messages.map((m) => ({ kind: "message" as const, at: m.createdAt, m })),
    ...c.events
      .map((e) => ({
        id: e.id,
        at: e.createdAt,
        text: EVENT_LABELS[e.action]?.(e.data, e.actor?.name ?? AUTOMATIC[String(e.data.by)] ?? "Someone", names) ?? "",
      }))
      .filter((e) => e.text)
      .map((e) => ({ kind: "event" as const, at: e.at, e })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const out: Entry[] = [];
  let day = "";
  for (const item of items) {
    const d = new Date(item.at).toDateString();
    if (d !== day) {
      day = d;
      out.push({ kind: "day", at: item.at, label: dayLabel(item.at) });
    }
    const last = out.at(-1);
    if (item.kind === "message") out.push(item);
    else if (last?.kind === "events") last.events.push(item.e);
    else out.push({ kind: "events", at: item.at, events: [item.e] });
  }
  return out;
}

function dayLabel(iso: string): string {
  const d = new Date(iso);
  const today = new Date();
  const yesterday = new Date(today.getTime() - 86_400_000);
  if (d.toDateString() === today.toDateString()) return "Today";
  if (d.toDateString() === yesterday.toDateString()) return "Yesterday";
  return d.toLocaleDateString(undefined, {
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(d.getFullYear() !== today.getFullYear() ? { year: "numeric" } : {}),
  });
}

function Timeline({ conversation: c }: { conversation: ConversationView }) {
  const agents = useAgents();
  const names: Names = {
    agent: (id) => agents.data?.agents.find((a) => a.id === id)?.name ?? "an agent",
    team: (id) => agents.data?.teams.find((t) => t.id === id)?.name ?? "a team",
  };
  const entries = timelineEntries(c, names);
  if (!entries.length) return <Empty>No messages yet.</Empty>;
  // The latest changes stay in view; an earlier run of three or more folds into "N earlier updates".
  const latestRun = entries.findLastIndex((e) => e.kind === "events");
  return (
    <ol className="timeline" aria-label="Timeline">
      {entries.map((entry, index) =>
        entry.kind === "day" ? (
          <li key={`day-${entry.at}`} className="day-separator">
            <span>{entry.label}</span>
          </li>
        ) : entry.kind === "events" ? (
          <li key={entry.events[0]!.id} className="timeline-event">
            {entry.events.length > 2 && index !== latestRun ? (
              <>
                <details>
                  <summary>{entry.events.length - 1} earlier updates</summary>
                  <EventList events={entry.events.slice(0, -1)} />
                </details>
                <EventList events={entry.events.slice(-1)} />
              </>
            ) : (
              <EventList events={entry.events} />
            )}
          </li>
        ) : (
          <MessageItem key={entry.m.id} m={entry.m} customerName={c.customer.name} />
        ),
      )}
    </ol>
  );
}

function EventList({ events }: { events: Array<{ id: string; at: string; text: string }> }) {
  return (
    <ul className="event-list">
      {events.map((e) => (
        <li key={e.id}>
          {e.text} · <time dateTime={e.at}>{formatTime(e.at)}</time>
        </li>
      ))}
    </ul>
  );
}

function MessageItem({ m, customerName }: { m: Message; customerName: string }) {
  return (
    <li className={`msg msg-${m.direction}`} data-testid="timeline-message">
      <div className="msg-meta">
        <strong>{m.direction === "inbound" ? customerName : (m.author?.name ?? "System")}</strong>
        {/* Where the customer wrote from; an agent's message says how it went out. */}
        {m.direction === "inbound" && <span className="badge">{CHANNEL_LABELS[m.channel]}</span>}
        {m.direction === "note" && <span className="badge badge-note">Internal note</span>}
        {m.direction === "outbound" && (
          <>
            <span>{CHANNEL_LABELS[m.channel]}</span>
            <span className={`delivery delivery-${m.deliveryStatus}`} title={m.deliveryError ?? undefined}>
              {m.deliveryStatus}
            </span>
          </>
        )}
        {m.direction === "outbound" && m.seenAt && (
          <span className="badge" data-testid="message-seen" title={new Date(m.seenAt).toLocaleString()}>
            seen
          </span>
        )}
        <time dateTime={m.createdAt}>{formatTime(m.createdAt)}</time>
      </div>
      {m.bodyHtml ? (
        <EmailHtml html={m.bodyHtml} />
      ) : (
        /* Text only: React escapes it, so message content can never become markup. */
        <p className="msg-body">{m.body}</p>
      )}
      {m.attachments.length > 0 && (
        <ul className="attachments">
          {m.attachments.map((a) => (
            <li key={a.id}>
              📎{" "}
              {/^[0-9a-f]{64}/.test(a.storageKey) ? (
                <a href={`/api/attachments/${a.storageKey}`} target="_blank" rel="noopener noreferrer">
                  {a.filename}
                </a>
              ) : (
                a.filename
              )}
              {a.size > 0 ? ` (${Math.ceil(a.size / 1024)} KB)` : ""}
              {a.storageKey === "too-large" && " — not stored: over the size limit"}
              {/* Images show inline: the attachment route serves only sniffed image types inline. */}
              {a.contentType.startsWith("image/") && /^[0-9a-f]{64}/.test(a.storageKey) && (
                // eslint-disable-next-line @next/next/no-img-element -- served by our access-checked route
                <img className="timeline-image" src={`/api/attachments/${a.storageKey}`} alt={a.filename} />
              )}
            </li>
          ))}
        </ul>
      )}
      {(m.hasOriginal || m.automated) && (
        <div className="msg-meta">
          {m.automated && <span className="badge">automatic</span>}
          {m.hasOriginal && (
            <a href={`/api/messages/${m.id}/raw`} target="_blank" rel="noopener noreferrer">
              View original
            </a>
          )}
        </div>
      )}
    </li>
  );
}

/** Who else has this conversation open, and who is typing — seen before two agents answer the same customer. */
function ActivityBar({ conversationId, viewerId }: { conversationId: number; viewerId: string }) {
  const { viewers, typing } = useActivity(conversationId, viewerId);
  if (!viewers.length && !typing.length) return null;
  return (
    <p className="activity-bar" role="status" data-testid="conversation-activity">
      {typing.length > 0 && <span className="activity-typing">{typing.join(", ")} typing…</span>}
      {viewers.length > 0 && <span>Also viewing: {viewers.join(", ")}</span>}
    </p>
  );
}
