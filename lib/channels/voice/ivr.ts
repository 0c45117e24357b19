// The IVR as Twilio walks it. Every answer is a step of the call, numbered by
// the URL it came from (`n`); a step's TwiML is stored once, so a replayed
// webhook gets the same answer even if the menu was edited in between. The
// menu stack travels in the URL (`at=main.billing`), which makes "back" work
// without server-side session state.
import { z } from "zod";
import { type Db, isUniqueViolation } from "../../db/client";
import { isOpenAt } from "../../time/business-hours";
import { ZCallSid } from "../twilio-ids";
import { latestTicketStatus, requestCallback, spokenNumber } from "./caller-requests";
import {
  ACTION_LABELS,
  chooseOption,
  DEFAULT_VOICEMAIL_SECONDS,
  findMenu,
  type IvrAction,
  type IvrConfig,
  type IvrMenu,
  MENU_ID_PATTERN,
  QUEUE_NAME,
} from "../../shared/ivr-config";
import { loadIvrConfig } from "./ivr-settings";
import { newVoiceResponse, speak, twimlResponse, type VoiceResponse } from "./twiml";
import { callerIdentity, type TTwilioCall, ZTwilioCall } from "./caller";

const ZMenuStack = z
  .string()
  .regex(new RegExp(`^${MENU_ID_PATTERN}(\\.${MENU_ID_PATTERN}){0,19}$`), "a dot-separated list of menu ids");

/** The query string of a step URL: which step, where in the menus, which retry, after what. */
export const ZMenuStepQuery = z.object({
  n: z.coerce.number().int().min(1).max(500),
  at: ZMenuStack.optional(),
  try: z.coerce.number().int().min(0).max(10).default(0),
  after: z.enum(["dial", "queue"]).optional(),
});
export type TMenuStepQuery = z.infer<typeof ZMenuStepQuery>;

export const ZMenuStep = ZTwilioCall.extend({
  Digits: z.string().max(32).optional(),
  SpeechResult: z.string().max(2000).optional(),
  DialCallStatus: z.string().max(32).optional(),
  QueueResult: z.string().max(32).optional(),
});
export type TMenuStep = z.infer<typeof ZMenuStep>;

export const ZQueueWaitQuery = z.object({
  queue: z.string().regex(QUEUE_NAME).default("support"),
});
export const ZQueueWait = z.looseObject({
  CallSid: ZCallSid,
  QueuePosition: z.coerce.number().int().min(0).max(100_000).default(1),
});

const MAX_STEPS = 500;

interface StepState {
  db: Db;
  config: IvrConfig;
  base: string;
  call: TTwilioCall;
  r: VoiceResponse;
  /** the number the next rendered step will carry */
  next: number;
  path: string[];
}

/** The first webhook of a call: record the call, then greet and open the start menu (or the after-hours branch). */
export async function answerCall(db: Db, hook: TTwilioCall, publicUrl: string, now = new Date()): Promise<Response> {
  try {
    await db.call.create({ data: { callSid: hook.CallSid, fromNumber: hook.From, toNumber: hook.To } });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err; // a replayed webhook: the call is already recorded
  }
  const replay = await storedStep(db, hook.CallSid, 0);
  if (replay) return twimlResponse(replay);
  const config = await loadIvrConfig(db);
  const s = state(db, config, publicUrl, hook, 1);
  if (isOpenAt(config.businessHours, now)) {
    s.path.push("Greeting");
    speak(s.r, config, config.greeting);
    renderMenu(s, [config.startMenu], 0);
  } else {
    s.path.push("After hours");
    speak(s.r, config, config.afterHours.message);
    await act(s, config.afterHours.action, []);
  }
  return saveStep(s, 0, { event: "answer" });
}

/** A <Gather> result (or the end of a <Dial>/<Enqueue>): the caller's choice leads to the next step. */
export async function menuStep(db: Db, query: TMenuStepQuery, hook: TMenuStep, publicUrl: string): Promise<Response> {
  const replay = await storedStep(db, hook.CallSid, query.n);
  if (replay) return twimlResponse(replay);
  const config = await loadIvrConfig(db);
  const s = state(db, config, publicUrl, hook, query.n + 1);
  const stack = query.at ? query.at.split(".") : [];
  const menu = stack.length ? findMenu(config, stack.at(-1)!) : undefined;

  if (query.after) {
    await afterConnect(s, query.after, hook);
  } else if (!menu) {
    // The menu was renamed or deleted while the caller was in it: start over.
    s.path.push("Menu changed");
    speak(s.r, config, "Sorry, this menu has changed.");
    renderMenu(s, [config.startMenu], 0);
  } else if (s.next > MAX_STEPS) {
    speak(s.r, config, "Goodbye.");
    s.r.hangup();
  } else {
    const input = { digits: hook.Digits?.trim() || undefined, speech: hook.SpeechResult?.trim() || undefined };
    const option = chooseOption(menu, input);
    const heard = input.digits
      ? `pressed ${input.digits}`
      : input.speech
        ? `said "${input.speech.slice(0, 60)}"`
        : "no input";
    if (option) {
      s.path.push(`${menu.name}: ${heard}`);
      await act(s, option.action, stack);
    } else if (query.try < menu.maxRetries) {
      s.path.push(`${menu.name}: ${heard}, retry`);
      speak(s.r, config, menu.retryMessage);
      renderMenu(s, stack, query.try + 1);
    } else {
      s.path.push(`${menu.name}: ${heard}, fallback`);
      await act(s, menu.fallback, stack);
    }
  }
  return saveStep(s, query.n, {
    at: query.at,
    try: query.try,
    after: query.after,
    digits: hook.Digits,
    speech: hook.SpeechResult,
  });
}

/** Twilio's waitUrl while a caller is queued: their place in the queue, then a pause; Twilio loops it. */
export async function queueWait(db: Db, queue: string, position: number): Promise<Response> {
  const config = await loadIvrConfig(db);
  const action = config.menus
    .flatMap((m) => [...m.options.map((o) => o.action), m.fallback])
    .find((a): a is Extract<IvrAction, { type: "queue" }> => a.type === "queue" && a.queue === queue);
  const message = (action?.waitMessage ?? "Please hold. You are number {position} in the queue.").replaceAll(
    "{position}",
    String(position),
  );
  const r = newVoiceResponse();
  speak(r, config, message);
  r.pause({ length: 15 });
  return twimlResponse(r);
}

function state(db: Db, config: IvrConfig, publicUrl: string, call: TTwilioCall, next: number): StepState {
  return { db, config, base: `${publicUrl}/api/twilio/voice`, call, r: newVoiceResponse(), next, path: [] };
}

function stepUrl(s: StepState, stack: string[], extra: Record<string, string | number> = {}): string {
  const q = new URLSearchParams({ n: String(s.next), ...(stack.length ? { at: stack.join(".") } : {}) });
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  return `${s.base}/menu?${q}`;
}

function renderMenu(s: StepState, stack: string[], attempt: number): void {
  const menu = findMenu(s.config, stack.at(-1)!) as IvrMenu; // references are checked when the config is saved
  if (attempt === 0) s.path.push(menu.name);
  const gather = s.r.gather({
    input: ["dtmf", "speech"],
    numDigits: 1,
    timeout: 6,
    speechTimeout: "auto",
    actionOnEmptyResult: true,
    language: s.config.language as never,
    hints: menu.options.flatMap((o) => o.speech).join(", ") || undefined,
    action: stepUrl(s, stack, attempt ? { try: attempt } : {}),
    method: "POST",
  });
  speak(gather, s.config, menu.prompt);
}

async function act(s: StepState, action: IvrAction, stack: string[]): Promise<void> {
  const { config, r } = s;
  if (action.type !== "menu") s.path.push(ACTION_LABELS[action.type]);
  switch (action.type) {
    case "menu":
      return renderMenu(s, [...stack, action.menu], 0);
    case "repeat":
      return renderMenu(s, stack.length ? stack : [config.startMenu], 0);
    case "back":
      return renderMenu(s, stack.length > 1 ? stack.slice(0, -1) : stack.length ? stack : [config.startMenu], 0);
    case "queue": {
      await setOutcome(s, "queued");
      r.enqueue(
        {
          waitUrl: `${s.base}/wait?${new URLSearchParams({ queue: action.queue })}`,
          waitUrlMethod: "POST",
          action: stepUrl(s, stack, { after: "queue" }),
          method: "POST",
        },
        action.queue,
      );
      return;
    }
    case "dial": {
      const dial = r.dial({
        timeout: action.timeoutSeconds,
        action: stepUrl(s, stack, { after: "dial" }),
        method: "POST",
      });
      if (action.to.startsWith("client:")) dial.client({}, action.to.slice("client:".length));
      else if (action.to.startsWith("sip:")) dial.sip({}, action.to);
      else dial.number({}, action.to);
      return;
    }
    case "voicemail":
      return recordVoicemail(s, action.prompt, action.maxLengthSeconds);
    case "callback": {
      const caller = callerIdentity(s.call.From, s.call.CallSid);
      if (caller.kind !== "phone") {
        speak(r, config, "We cannot call back a withheld number.");
        return stack.length ? renderMenu(s, stack, 0) : void r.hangup();
      }
      await requestCallback(s.db, s.call.CallSid, caller.value);
      speak(r, config, `Thank you. We will call you back at ${spokenNumber(caller.value)} as soon as we can. Goodbye.`);
      r.hangup();
      return;
    }
    case "ticket_status": {
      const caller = callerIdentity(s.call.From, s.call.CallSid);
      speak(r, config, await latestTicketStatus(s.db, caller.kind === "phone" ? caller.value : undefined));
      return stack.length ? renderMenu(s, stack, 0) : void r.hangup();
    }
    case "hangup":
      speak(r, config, action.message);
      r.hangup();
      return;
  }
}

function recordVoicemail(s: StepState, prompt: string, maxLength: number): void {
  speak(s.r, s.config, prompt);
  s.r.record({
    action: `${s.base}/recording`,
    method: "POST",
    maxLength,
    playBeep: true,
    transcribe: true,
    transcribeCallback: `${s.base}/transcription`,
  });
  speak(s.r, s.config, "We did not get a message. Goodbye.");
  s.r.hangup();
}

/** After <Dial> or <Enqueue> ends: answered calls just end; unanswered ones go to voicemail. */
async function afterConnect(s: StepState, after: "dial" | "queue", hook: TMenuStep): Promise<void> {
  const result = after === "dial" ? hook.DialCallStatus : hook.QueueResult;
  if (result === "completed" || result === "answered" || result === "bridged") {
    s.path.push("Talked to an agent");
    await setOutcome(s, "answered");
    s.r.hangup();
  } else if (after === "queue" && result === "hangup") {
    s.path.push("Hung up while queued");
    await setOutcome(s, "abandoned");
  } else {
    s.path.push(`No agent answered (${result ?? "unknown"})`, ACTION_LABELS.voicemail);
    recordVoicemail(
      s,
      "Sorry, no one is available right now. Please leave a message after the tone.",
      DEFAULT_VOICEMAIL_SECONDS,
    );
  }
}

async function setOutcome(s: StepState, outcome: string): Promise<void> {
  await s.db.call.updateMany({ where: { callSid: s.call.CallSid }, data: { outcome } });
}

async function storedStep(db: Db, callSid: string, seq: number): Promise<string | undefined> {
  const step = await db.callStep.findUnique({ where: { callSid_seq: { callSid, seq } }, select: { twiml: true } });
  return step?.twiml;
}

/** Stores the step's TwiML (a concurrent replay that stored first wins) and extends the call's path once. */
async function saveStep(s: StepState, seq: number, input: Record<string, unknown>): Promise<Response> {
  const twiml = s.r.toString();
  try {
    await s.db.callStep.create({ data: { callSid: s.call.CallSid, seq, input: JSON.stringify(input), twiml } });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return twimlResponse((await storedStep(s.db, s.call.CallSid, seq))!);
  }
  const call = await s.db.call.findUnique({ where: { callSid: s.call.CallSid }, select: { ivrPath: true } });
  if (call) {
    const path = [...(JSON.parse(call.ivrPath) as string[]), ...s.path];
    await s.db.call.update({ where: { callSid: s.call.CallSid }, data: { ivrPath: JSON.stringify(path) } });
  }
  return twimlResponse(twiml);
}
