import { describe, expect, it } from "vitest";
import * as adminIvr from "@/app/api/admin/ivr/route";
import * as simulate from "@/app/api/admin/ivr/simulate/route";
import * as voice from "@/app/api/twilio/voice/route";
import * as menu from "@/app/api/twilio/voice/menu/route";
import * as status from "@/app/api/twilio/voice/status/route";
import * as wait from "@/app/api/twilio/voice/wait/route";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/conversations/ingest";
import { call, createAgent, sessionCookie } from "@/tests/helpers/factories";
import { sid, signedTwilioPost } from "@/tests/helpers/twilio";
import { DEFAULT_IVR, type IvrConfig, ZIvrConfig } from "../../shared/ivr-config";
import { saveIvrConfig } from "./ivr-settings";

const PUBLIC = "https://desk.example.test";

/** Main menu with a billing sub-menu; few retries so the tests stay short. */
const TREE: IvrConfig = ZIvrConfig.parse({
  greeting: { say: "Welcome to Acme." },
  businessHours: DEFAULT_IVR.businessHours,
  afterHours: { message: { say: "We are closed." }, action: { type: "voicemail" } },
  startMenu: "main",
  menus: [
    {
      id: "main",
      name: "Main menu",
      prompt: { say: "For billing press 2. For a callback press 4." },
      options: [
        {
          key: "1",
          speech: ["agent"],
          action: { type: "queue", queue: "support", waitMessage: "You are caller {position}." },
        },
        { key: "2", speech: ["billing", "invoice"], action: { type: "menu", menu: "billing" } },
        { key: "3", action: { type: "ticket_status" } },
        { key: "4", action: { type: "callback" } },
        { key: "5", action: { type: "dial", to: "+14155550999", timeoutSeconds: 15 } },
      ],
      maxRetries: 1,
      fallback: { type: "hangup", message: "We could not understand you. Goodbye." },
    },
    {
      id: "billing",
      name: "Billing",
      prompt: { say: "To leave a message for billing press 1. To go back press star." },
      options: [
        {
          key: "1",
          speech: ["message"],
          action: { type: "voicemail", prompt: "Billing voicemail.", maxLengthSeconds: 60 },
        },
        { key: "*", speech: ["back"], action: { type: "back" } },
        { key: "9", action: { type: "repeat" } },
      ],
      fallback: { type: "voicemail" },
    },
  ],
});

async function useConfig(config: unknown) {
  const admin = await createAgent({ role: "admin" });
  await saveIvrConfig(db(), config, admin.id);
}

/** A caller walking the IVR: every post signed for the exact URL the previous TwiML named. */
function caller(from = "+14155550177") {
  const base = { CallSid: sid("CA"), From: from, To: "+15005550006", AccountSid: "AC0", Direction: "inbound" };
  let last = "";
  const post = async (handler: typeof menu.POST, url: string, extra: Record<string, string> = {}) => {
    const path = url.replace(PUBLIC, "");
    const res = await call(handler, signedTwilioPost(path, { ...base, CallStatus: "in-progress", ...extra }));
    last = res.text;
    return res;
  };
  const actionOf = (verb: string) => {
    const m = new RegExp(`<${verb}[^>]* action="([^"]+)"`).exec(last);
    if (!m) throw new Error(`no <${verb} action> in ${last}`);
    return m[1]!.replaceAll("&amp;", "&");
  };
  return {
    callSid: base.CallSid,
    get twiml() {
      return last;
    },
    answer: () => post(voice.POST, `${PUBLIC}/api/twilio/voice`),
    press: (Digits: string) => post(menu.POST, actionOf("Gather"), { Digits }),
    say: (SpeechResult: string) => post(menu.POST, actionOf("Gather"), { SpeechResult, Confidence: "0.9" }),
    silence: () => post(menu.POST, actionOf("Gather")),
    actionOf,
    post,
    end: (CallDuration = "30") =>
      call(
        status.POST,
        signedTwilioPost("/api/twilio/voice/status", { ...base, CallStatus: "completed", CallDuration }),
      ),
  };
}

const ivrPath = async (callSid: string) =>
  JSON.parse((await db().call.findUniqueOrThrow({ where: { callSid } })).ivrPath) as string[];

describe("the IVR", () => {
  it("answers with the greeting and a speech-and-keys menu whose action is our public URL; a replay answers the same", async () => {
    const c = caller();
    const first = await c.answer();
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toMatch(/^text\/xml/);
    expect(first.text).toContain(
      '<Say voice="Polly.Joanna" language="en-US">Thanks for calling Omnidesk support.</Say>',
    );
    expect(first.text).toContain(
      `<Gather input="dtmf speech" numDigits="1" timeout="6" speechTimeout="auto" actionOnEmptyResult="true" language="en-US" hints="agent, support, message, voicemail, status, ticket, callback, call me back, repeat" action="${PUBLIC}/api/twilio/voice/menu?n=1&amp;at=main" method="POST"><Say`,
    );
    expect((await c.answer()).text).toBe(first.text);
    expect(await db().call.count()).toBe(1);
    expect(await db().callStep.count()).toBe(1);
    expect(await ivrPath(c.callSid)).toEqual(["Greeting", "Main menu"]);
  });

  it("walks into a sub-menu by key, back with *, and to voicemail by speech; the path is recorded", async () => {
    await useConfig(TREE);
    const c = caller();
    await c.answer();
    await c.press("2");
    expect(c.twiml).toContain("To leave a message for billing press 1.");
    expect(c.actionOf("Gather")).toBe(`${PUBLIC}/api/twilio/voice/menu?n=2&at=main.billing`);
    await c.press("*");
    expect(c.actionOf("Gather")).toBe(`${PUBLIC}/api/twilio/voice/menu?n=3&at=main`);
    await c.say("Billing please");
    await c.say("I want to leave a message");
    expect(c.twiml).toContain("Billing voicemail.");
    expect(c.twiml).toContain(
      `<Record action="${PUBLIC}/api/twilio/voice/recording" method="POST" maxLength="60" playBeep="true" transcribe="true" transcribeCallback="${PUBLIC}/api/twilio/voice/transcription"/>`,
    );
    expect(await ivrPath(c.callSid)).toEqual([
      "Greeting",
      "Main menu",
      "Main menu: pressed 2",
      "Billing",
      "Billing: pressed *",
      "Back to the previous menu",
      "Main menu",
      'Main menu: said "Billing please"',
      "Billing",
      'Billing: said "I want to leave a message"',
      "Voicemail",
    ]);
  });

  it("a replayed step gets the TwiML it got the first time, even after the menu was edited", async () => {
    await useConfig(TREE);
    const c = caller();
    await c.answer();
    const gatherUrl = c.actionOf("Gather");
    const first = await c.press("2");
    await useConfig({ ...TREE, menus: TREE.menus.map((m) => ({ ...m, prompt: { say: "Edited." } })) });
    const again = await c.post(menu.POST, gatherUrl, { Digits: "2" });
    expect(again.text).toBe(first.text);
    expect(await db().callStep.count({ where: { callSid: c.callSid } })).toBe(2);
    expect((await ivrPath(c.callSid)).filter((p) => p === "Billing")).toHaveLength(1);
  });

  it("no input or an unknown key replays the prompt up to the retry limit, then takes the fallback", async () => {
    await useConfig(TREE);
    const c = caller();
    await c.answer();
    await c.silence();
    expect(c.twiml).toContain("Sorry, I didn't get that.");
    expect(c.actionOf("Gather")).toBe(`${PUBLIC}/api/twilio/voice/menu?n=2&at=main&try=1`);
    await c.press("7");
    expect(c.twiml).toContain("We could not understand you. Goodbye.</Say><Hangup/>");
    expect(await ivrPath(c.callSid)).toEqual([
      "Greeting",
      "Main menu",
      "Main menu: no input, retry",
      "Main menu: pressed 7, fallback",
      "Say goodbye and hang up",
    ]);
  });

  it("after hours, callers hear the after-hours message and go to its action", async () => {
    await useConfig({ ...TREE, businessHours: { timeZone: "Europe/Berlin", weekly: {}, holidays: [] } });
    const c = caller();
    await c.answer();
    expect(c.twiml).toContain("We are closed.");
    expect(c.twiml).toContain("<Record ");
    expect(c.twiml).not.toContain("<Gather");
    expect(await ivrPath(c.callSid)).toEqual(["After hours", "Voicemail"]);
  });

  it("queues the caller with their position; an answered call ends on the caller's timeline with its path", async () => {
    await useConfig(TREE);
    const c = caller();
    await c.answer();
    await c.press("1");
    expect(c.twiml).toContain(
      `<Enqueue waitUrl="${PUBLIC}/api/twilio/voice/wait?queue=support" waitUrlMethod="POST" action="${PUBLIC}/api/twilio/voice/menu?n=2&amp;at=main&amp;after=queue" method="POST">support</Enqueue>`,
    );
    expect((await db().call.findFirstOrThrow()).outcome).toBe("queued");
    const waiting = await call(
      wait.POST,
      signedTwilioPost("/api/twilio/voice/wait?queue=support", {
        CallSid: c.callSid,
        QueuePosition: "3",
        QueueSid: sid("QU"),
      }),
    );
    expect(waiting.text).toContain('You are caller 3.</Say><Pause length="15"/>');
    await c.post(menu.POST, c.actionOf("Enqueue"), { QueueResult: "bridged", QueueTime: "40" });
    expect(c.twiml).toContain("<Hangup/>");
    await c.end("95");
    await c.end("95");
    const callRow = await db().call.findFirstOrThrow();
    expect(callRow).toMatchObject({ outcome: "answered", durationSeconds: 95 });
    const conversation = await db().conversation.findUniqueOrThrow({
      where: { id: callRow.conversationId! },
      include: { messages: true },
    });
    expect(conversation).toMatchObject({ channel: "voice", subject: "Call from +14155550177" });
    expect(conversation.messages.map((m) => m.body)).toEqual([
      "Phone call (answered, 95 s). Path: Greeting › Main menu › Main menu: pressed 1 › Queue for an agent › Talked to an agent",
    ]);
    const ended = await db().auditEvent.findMany({ where: { action: "call.ended" } });
    expect(ended).toHaveLength(1);
    expect(JSON.parse(ended[0]!.data)).toMatchObject({ outcome: "answered", durationSeconds: 95 });
  });

  it("a dialled agent who does not answer sends the caller to voicemail", async () => {
    await useConfig(TREE);
    const c = caller();
    await c.answer();
    await c.press("5");
    expect(c.twiml).toContain(
      `<Dial timeout="15" action="${PUBLIC}/api/twilio/voice/menu?n=2&amp;at=main&amp;after=dial" method="POST"><Number>+14155550999</Number></Dial>`,
    );
    await c.post(menu.POST, c.actionOf("Dial"), { DialCallStatus: "no-answer" });
    expect(c.twiml).toContain("Sorry, no one is available right now.");
    expect(c.twiml).toContain("<Record ");
  });

  it("a callback request lands in the caller's conversation once, and a withheld number is told it can't be called back", async () => {
    await useConfig(TREE);
    const c = caller();
    await c.answer();
    const url = c.actionOf("Gather");
    for (let i = 0; i < 2; i++) await c.post(menu.POST, url, { Digits: "4" });
    expect(c.twiml).toContain("We will call you back at 4 1 5 5 5 5 0 1 7 7 as soon as we can. Goodbye.");
    const messages = await db().message.findMany();
    expect(messages.map((m) => m.body)).toEqual(["Callback requested: please call +14155550177 back."]);
    expect((await db().call.findFirstOrThrow()).outcome).toBe("callback");

    const anonymous = caller("anonymous");
    await anonymous.answer();
    await anonymous.press("4");
    expect(anonymous.twiml).toContain("We cannot call back a withheld number.");
    expect(anonymous.actionOf("Gather")).toContain("at=main");
    expect(await db().message.count()).toBe(1);
  });

  it("tells a known caller the status of their latest request, matched by phone number, then offers the menu again", async () => {
    await useConfig(TREE);
    const { conversationId } = await ingest(db(), {
      channel: "sms",
      from: { identity: { kind: "phone", value: "+14155550177" } },
      subject: "Broken parcel",
      body: "it arrived broken",
    });
    const known = caller("+1 (415) 555-0177");
    await known.answer();
    await known.press("3");
    expect(known.twiml).toContain(
      `Your latest request, number ${conversationId}, about Broken parcel, is received and waiting for an agent.`,
    );
    expect(known.twiml).toContain("<Gather");
    const stranger = caller("+14155550100");
    await stranger.answer();
    await stranger.press("3");
    expect(stranger.twiml).toContain("We could not find a request from this phone number.");
  });

  it("a caller inside a menu that was deleted since starts over at the start menu", async () => {
    await useConfig(TREE);
    const c = caller();
    await c.answer();
    await c.press("2");
    // billing is renamed to accounts while the caller is in it
    await useConfig(JSON.parse(JSON.stringify(TREE).replaceAll('"billing"', '"accounts"')));
    await c.press("1");
    expect(c.twiml).toContain("Sorry, this menu has changed.");
    expect(c.actionOf("Gather")).toContain("at=main");
  });

  it("refuses a menu webhook that is unsigned, or whose signed URL was tampered with", async () => {
    const c = caller();
    await c.answer();
    const unsigned = signedTwilioPost(
      "/api/twilio/voice/menu?n=1&at=main",
      { CallSid: c.callSid, From: "+1", Digits: "1" },
      { signature: null },
    );
    expect((await call(menu.POST, unsigned)).status).toBe(400);
    const tampered = signedTwilioPost("/api/twilio/voice/menu?n=1&at=main", {
      CallSid: c.callSid,
      From: "+1",
      Digits: "1",
    });
    tampered.path = "/api/twilio/voice/menu?n=1&at=main.billing";
    expect((await call(menu.POST, tampered)).status).toBe(403);
    const badQuery = signedTwilioPost("/api/twilio/voice/menu?n=zero&at=..", { CallSid: c.callSid, From: "+1" });
    expect((await call(menu.POST, badQuery)).status).toBe(400);
    expect(await db().callStep.count()).toBe(1);
  });
});

describe("IVR administration", () => {
  it("only admins read and replace the menu; an invalid tree is refused with the paths of its mistakes", async () => {
    const agent = await createAgent();
    const admin = await createAgent({ role: "admin" });
    expect((await call(adminIvr.GET, { cookie: await sessionCookie(agent.id) })).status).toBe(403);
    expect((await call(adminIvr.GET)).status).toBe(401);
    const cookie = await sessionCookie(admin.id);
    const current = await call(adminIvr.GET, { cookie });
    expect(current.status).toBe(200);
    expect(current.json.config.startMenu).toBe("main");

    const broken = {
      ...TREE,
      menus: [
        {
          ...TREE.menus[0]!,
          options: [...TREE.menus[0]!.options, { key: "2", action: { type: "menu", menu: "nowhere" } }],
        },
      ],
    };
    const refused = await call(adminIvr.PUT, { method: "PUT", cookie, body: { config: broken } });
    expect(refused.status).toBe(400);
    expect(refused.json.error.details).toEqual(
      expect.arrayContaining([
        { path: "body.config.menus.0.options.5.key", message: 'Key 2 is used twice in "Main menu"' },
        { path: "body.config.menus.0.options.1.action.menu", message: 'There is no menu "billing"' },
      ]),
    );
    expect(await db().setting.count()).toBe(0);

    const saved = await call(adminIvr.PUT, { method: "PUT", cookie, body: { config: TREE } });
    expect(saved.status).toBe(200);
    expect((await call(adminIvr.GET, { cookie })).json.config).toEqual(TREE);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "settings.updated" } });
    expect(audit.actorUserId).toBe(admin.id);
  });

  it("the simulator runs the same IVR for admins, without a signature, and tells which conversation the call made", async () => {
    await useConfig(TREE);
    const admin = await createAgent({ role: "admin" });
    const cookie = await sessionCookie(admin.id);
    const params = { CallSid: sid("CA"), From: "+14155550123", To: "simulator" };
    const answer = await call(simulate.POST, { method: "POST", cookie, body: { url: "/api/twilio/voice", params } });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ conversationId: null });
    expect(answer.json.twiml).toContain("Welcome to Acme.");
    const step = await call(simulate.POST, {
      method: "POST",
      cookie,
      body: { url: `${PUBLIC}/api/twilio/voice/menu?n=1&at=main`, params: { ...params, Digits: "4" } },
    });
    expect(step.json.twiml).toContain("We will call you back");
    expect(step.json.conversationId).toEqual(expect.any(Number));

    const agent = await createAgent();
    const forbidden = await call(simulate.POST, {
      method: "POST",
      cookie: await sessionCookie(agent.id),
      body: { url: "/api/twilio/voice", params },
    });
    expect(forbidden.status).toBe(403);
    const unknown = await call(simulate.POST, { method: "POST", cookie, body: { url: "/api/conversations", params } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe("unknown_webhook");
  });
});
