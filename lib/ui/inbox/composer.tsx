"use client";
// The reply box: reply or internal note, the channel it goes out on, canned replies ("/" or "#"),
// Ctrl/⌘+Enter to send, "Send and solve", a draft kept per conversation, and the conversation's
// shortcuts (r reply, n note, a assign to me, e solve) while no text field has focus.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { plural } from "@/lib/shared/plural";
import { smsSegments } from "@/lib/shared/sms-segments";
import { CHANNELS, type TChannel } from "@/lib/shared/vocabulary";
import { useActivity } from "../shared/activity";
import { CHANNEL_LABELS } from "../shared/format";
import { isTyping } from "../shared/keyboard";
import { FormError } from "../shared/states";
import { CannedPicker, cannedToken, matchingReplies } from "./canned-picker";
import { renderCannedReply, useCannedReplies, type CannedReplyView } from "./use-canned-replies";
import type { ConversationView } from "./use-conversation";
import { useReply, useUpdateConversation } from "./use-conversation-mutations";
import { useDraft } from "./use-draft";
import { useReportActivity } from "./use-report-activity";

export function Composer({ conversation: c, viewerId }: { conversation: ConversationView; viewerId: string }) {
  const send = useReply(c.id);
  const update = useUpdateConversation(c.id);
  const activity = useReportActivity(c.id, useActivity(c.id, viewerId).viewers);
  const [{ body, internal }, setDraft] = useDraft(c.id);
  const [channel, setChannel] = useState("");
  const [caret, setCaret] = useState(0);
  const [pickerIndex, setPickerIndex] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const canned = useCannedReplies();
  const closed = c.status === "closed";
  const replyChannel = (channel || lastInboundChannel(c) || c.channel) as TChannel;
  const smsBlocked = !internal && replyChannel === "sms" ? smsBlockedReason(c) : undefined;
  const blocked = (closed && !internal) || !!smsBlocked;
  const token = cannedToken(body, caret);
  const suggestions = token ? matchingReplies(canned.data?.items ?? [], token.query) : [];

  const focusBox = () => box.current?.focus();
  // Open a conversation, start typing — on a desktop (on a phone the keyboard would cover it).
  useEffect(() => {
    if (window.matchMedia("(min-width: 900px)").matches) box.current?.focus();
  }, []);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      const act: Record<string, () => void> = {
        r: () => setDraft({ internal: false }),
        n: () => setDraft({ internal: true }),
        a: () => update.mutate({ assigneeId: viewerId }),
        e: () => update.mutate({ status: "solved" }),
      };
      if (!act[e.key]) return;
      e.preventDefault();
      act[e.key]!();
      if (e.key === "r" || e.key === "n") focusBox();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [setDraft, update, viewerId]);

  const submit = (solve = false) => {
    if (!body.trim() || blocked) return;
    activity.stopped();
    send.mutate(
      { body, internal, ...(channel ? { channel: channel as TChannel } : {}), ...(solve ? { solve } : {}) },
      {
        onSuccess: () => {
          setDraft({ body: "" });
          setNotice(null);
        },
      },
    );
  };
  const pick = async (r: CannedReplyView) => {
    if (!token) return;
    try {
      const filled = await renderCannedReply(c.id, r.id);
      const next = body.slice(0, token.start) + filled.text + body.slice(caret);
      setDraft({ body: next });
      const at = token.start + filled.text.length;
      setCaret(at);
      requestAnimationFrame(() => box.current?.setSelectionRange(at, at));
      setNotice(filled.missing.length ? `Fill in by hand — no value for: ${filled.missing.join(", ")}` : null);
    } catch (err) {
      setNotice(err instanceof Error ? err.message : "The canned reply could not be filled in.");
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (token && suggestions.length) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const step = e.key === "ArrowDown" ? 1 : -1;
        setPickerIndex((i) => (i + step + suggestions.length) % suggestions.length);
        return;
      }
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        void pick(suggestions[Math.min(pickerIndex, suggestions.length - 1)]!);
        return;
      }
    }
    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form
      className={`composer${internal ? " is-note" : ""}`}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        submit();
      }}
      aria-label="Reply"
    >
      <div className="composer-tabs" role="group" aria-label="Reply or note">
        <button
          type="button"
          className={!internal ? "tab is-active" : "tab"}
          aria-pressed={!internal}
          onClick={() => setDraft({ internal: false })}
        >
          Reply
        </button>
        <button
          type="button"
          className={internal ? "tab is-active" : "tab"}
          aria-pressed={internal}
          onClick={() => setDraft({ internal: true })}
        >
          Internal note
        </button>
        {!internal && (
          <label className="composer-channel">
            Send via
            <select value={channel} onChange={(e) => setChannel(e.target.value)}>
              <option value="">Customer&apos;s last channel</option>
              {CHANNELS.filter((ch) => ch !== "voice").map((ch) => (
                <option key={ch} value={ch}>
                  {CHANNEL_LABELS[ch]}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <label className="sr-only" htmlFor="composer-body">
        {internal ? "Internal note" : "Reply to the customer"}
      </label>
      <textarea
        id="composer-body"
        ref={box}
        value={body}
        onChange={(e) => {
          setDraft({ body: e.target.value });
          setCaret(e.target.selectionStart);
          setPickerIndex(0);
          // The customer sees "typing…": only for replies, never while a note is written.
          if (!internal) activity.typed();
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        rows={4}
        placeholder={
          closed && !internal
            ? "This conversation is closed; reopen it to reply."
            : internal
              ? "Only agents see notes. Mention a colleague with @Their Name."
              : "Write your reply… (/ for canned replies, Ctrl+Enter to send)"
        }
        disabled={blocked}
        aria-controls={token ? "canned-picker" : undefined}
        aria-expanded={!!token}
        aria-activedescendant={token && suggestions[pickerIndex] ? `canned-${suggestions[pickerIndex].id}` : undefined}
        role="combobox"
        aria-autocomplete="list"
      />
      {token && <CannedPicker replies={suggestions} active={pickerIndex} onPick={(r) => void pick(r)} />}
      {notice && (
        <p className="composer-notice" role="status">
          {notice}
        </p>
      )}
      {smsBlocked && (
        <p className="composer-notice" role="status">
          {smsBlocked}
        </p>
      )}
      {!internal && replyChannel === "sms" && !smsBlocked && <SegmentCount text={body} />}
      <FormError message={send.error?.message ?? update.error?.message} />
      <div className="composer-actions">
        {!internal && (
          <button
            type="button"
            className="btn"
            disabled={send.isPending || !body.trim() || blocked}
            onClick={() => submit(true)}
          >
            Send and solve
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={send.isPending || !body.trim() || blocked}>
          {send.isPending ? "Sending…" : internal ? "Add note" : "Send reply"}
        </button>
      </div>
    </form>
  );
}

function lastInboundChannel(c: ConversationView): string | undefined {
  return c.messages.findLast((m) => m.direction === "inbound")?.channel;
}

/** Why SMS replies are off for this customer, if they are. */
function smsBlockedReason(c: ConversationView): string | undefined {
  const phones = c.customer.identities.filter((i) => i.kind === "phone");
  if (!phones.length) return "This customer has no phone number: SMS replies are off. Pick another channel.";
  if (phones.every((p) => p.optedOutAt)) return "This customer texted STOP: SMS replies are off. Pick another channel.";
  return undefined;
}

function SegmentCount({ text }: { text: string }) {
  const s = smsSegments(text);
  return (
    <p className="muted segment-count" data-testid="sms-segments">
      {plural(s.segments, "SMS segment")} · {s.units} {s.encoding === "GSM-7" ? "characters" : "UCS-2 units"} (
      {s.encoding})
    </p>
  );
}
