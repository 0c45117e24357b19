"use client";
import Link from "next/link";
import { useRef, useState } from "react";
import { api } from "../shared/api-client";
import { FormError } from "../shared/states";
import { readTwiml, type Waiting } from "./twiml-turn";

interface Line {
  who: "ivr" | "caller";
  text: string;
}

/** What can happen to a queued or dialled call: button label, what the transcript says, what Twilio posts. */
type Outcome = [label: string, said: string, params: Record<string, string>];
const QUEUE_OUTCOMES: Outcome[] = [
  ["An agent answers", "(an agent picks up)", { QueueResult: "bridged" }],
  ["Hang up while waiting", "(hangs up while waiting)", { QueueResult: "hangup" }],
  ["Nobody answers", "(nobody takes the call)", { QueueResult: "leave" }],
];
const DIAL_OUTCOMES: Outcome[] = [
  ["The agent answers", "(the agent picks up)", { DialCallStatus: "completed" }],
  ["No answer", "(no answer)", { DialCallStatus: "no-answer" }],
];

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0"];

const randomSid = (prefix: string) =>
  prefix + Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

/** Calls the helpdesk from the browser: every step runs the real IVR through /api/admin/ivr/simulate. */
export function IvrSimulator() {
  const [from, setFrom] = useState("+12025550143");
  const [lines, setLines] = useState<Line[]>([]);
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [conversationId, setConversationId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [speech, setSpeech] = useState("");
  const [message, setMessage] = useState("");
  const [inCall, setInCall] = useState(false);
  // The last call's sid outlives the call: its transcript callback may come after the hang-up.
  const call = useRef({ sid: "", startedAt: 0 });

  const params = () => ({ CallSid: call.current.sid, From: from, To: "simulator", CallStatus: "in-progress" });

  async function post(url: string, extra: Record<string, string> = {}) {
    const res = await api<{ twiml: string; conversationId: number | null }>("/api/admin/ivr/simulate", {
      method: "POST",
      body: { url, params: { ...params(), ...extra } },
    });
    if (res.conversationId) setConversationId(res.conversationId);
    return res;
  }

  /** Runs one step; its TwiML tells what the caller hears and what happens next. */
  async function step(said: string | null, url: string, extra: Record<string, string> = {}) {
    setBusy(true);
    setError(null);
    try {
      const { twiml } = await post(url, extra);
      const turn = readTwiml(twiml);
      setLines((l) => [
        ...l,
        ...(said ? [{ who: "caller" as const, text: said }] : []),
        ...turn.heard.map((text) => ({ who: "ivr" as const, text })),
      ]);
      if (turn.waiting.kind === "enqueue" && turn.waiting.waitUrl) {
        const hold = readTwiml((await post(turn.waiting.waitUrl, { QueuePosition: "1" })).twiml);
        setLines((l) => [...l, ...hold.heard.map((text) => ({ who: "ivr" as const, text }))]);
      }
      if (turn.waiting.kind === "hangup") await end();
      else setWaiting(turn.waiting);
    } catch (err) {
      setError(err instanceof Error ? err.message : "The step failed");
    } finally {
      setBusy(false);
    }
  }

  async function end() {
    const seconds = Math.max(1, Math.round((Date.now() - call.current.startedAt) / 1000));
    await post("/api/twilio/voice/status", { CallStatus: "completed", CallDuration: String(seconds) });
    setLines((l) => [...l, { who: "ivr", text: `Call ended after ${seconds} s.` }]);
    setWaiting({ kind: "hangup" });
    setInCall(false);
  }

  function start() {
    call.current = { sid: randomSid("CA"), startedAt: Date.now() };
    setInCall(true);
    setLines([]);
    setConversationId(null);
    void step(null, "/api/twilio/voice");
  }

  async function leaveVoicemail(w: Extract<Waiting, { kind: "record" }>) {
    const recordingSid = randomSid("RE");
    const words = message.trim().split(/\s+/).filter(Boolean).length;
    await step(message.trim() ? `(voicemail) ${message.trim()}` : "(silence)", w.url, {
      RecordingSid: recordingSid,
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/ACsimulator/Recordings/${recordingSid}`,
      RecordingDuration: String(Math.max(1, Math.round(words / 2.5))),
    });
    if (w.transcribeUrl) {
      await post(w.transcribeUrl, {
        RecordingSid: recordingSid,
        TranscriptionStatus: message.trim() ? "completed" : "failed",
        TranscriptionText: message.trim(),
      });
    }
    setMessage("");
  }

  return (
    <div className="simulator">
      <div className="fields">
        <label>
          Calling from
          <input value={from} onChange={(e) => setFrom(e.target.value)} disabled={inCall} />
        </label>
        {inCall ? (
          <button type="button" className="btn" onClick={() => void end()} disabled={busy}>
            Hang up
          </button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={start} disabled={busy}>
            Call the helpdesk
          </button>
        )}
      </div>
      <FormError message={error} />
      <ol className="sim-log" aria-label="Call transcript" aria-live="polite">
        {lines.map((l, i) => (
          <li key={i} className={`sim-${l.who}`} data-testid={`sim-${l.who}`}>
            <strong>{l.who === "ivr" ? "Helpdesk" : "You"}:</strong> {l.text}
          </li>
        ))}
      </ol>

      {inCall && waiting?.kind === "gather" && (
        <div className="sim-input">
          <div className="keypad" role="group" aria-label="Keypad">
            {KEYS.map((k) => (
              <button
                key={k}
                type="button"
                className="btn"
                disabled={busy}
                onClick={() => void step(`pressed ${k}`, waiting.url, { Digits: k })}
              >
                {k}
              </button>
            ))}
          </div>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void step(`said "${speech}"`, waiting.url, { SpeechResult: speech, Confidence: "0.9" });
              setSpeech("");
            }}
          >
            <label>
              Say something
              <input value={speech} onChange={(e) => setSpeech(e.target.value)} />
            </label>
            <button type="submit" className="btn" disabled={busy || !speech.trim()}>
              Say it
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => void step("(silence)", waiting.url)}>
              Stay silent
            </button>
          </form>
        </div>
      )}
      {inCall && waiting?.kind === "record" && (
        <form
          className="sim-input"
          onSubmit={(e) => {
            e.preventDefault();
            void leaveVoicemail(waiting);
          }}
        >
          <label className="wide">
            Your message after the tone (it becomes the transcript)
            <textarea rows={3} value={message} onChange={(e) => setMessage(e.target.value)} />
          </label>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Leave the message
          </button>
        </form>
      )}
      {inCall && (waiting?.kind === "enqueue" || waiting?.kind === "dial") && (
        <div
          className="sim-input"
          role="group"
          aria-label={waiting.kind === "enqueue" ? `Waiting in queue ${waiting.queue}` : `Dialling ${waiting.to}`}
        >
          {(waiting.kind === "enqueue" ? QUEUE_OUTCOMES : DIAL_OUTCOMES).map(([label, said, params]) => (
            <button key={label} type="button" className="btn" onClick={() => void step(said, waiting.url, params)}>
              {label}
            </button>
          ))}
        </div>
      )}
      {conversationId && (
        <p>
          This call is on <Link href={`/inbox/${conversationId}`}>conversation #{conversationId}</Link>.
        </p>
      )}
    </div>
  );
}
