// The IVR as admins edit it: a greeting, business hours with an after-hours
// branch, and menus whose options lead to actions or other menus. Stored as one
// validated JSON document; every reference between menus is checked on save so
// a call can never reach a menu that does not exist.
import { z } from "zod";
import { ALWAYS_OPEN, ZBusinessHours } from "./business-hours-schema";

/** A menu id, as a pattern source: the IVR's step URLs carry a dot-separated stack of them. */
export const MENU_ID_PATTERN = "[a-z0-9][a-z0-9_-]{0,39}";
export const QUEUE_NAME = /^[\w-]{1,64}$/;
export const DEFAULT_VOICEMAIL_SECONDS = 180;
export const DEFAULT_DIAL_TIMEOUT_SECONDS = 20;

const ZMenuId = z
  .string()
  .regex(new RegExp(`^${MENU_ID_PATTERN}$`), "Menu ids are 1–40 lower-case letters, digits, - or _, e.g. billing");

const ZText = (max = 1000) => z.string().trim().max(max);

export const ZPrompt = z.object({
  say: ZText().default(""),
  /** an audio file Twilio plays instead of the text, e.g. a recorded greeting */
  playUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
});
export type Prompt = z.infer<typeof ZPrompt>;

const ZDialTarget = z
  .string()
  .trim()
  .regex(
    /^(\+[1-9]\d{6,14}|client:[\w.-]{1,64}|sip:[^\s]{3,200})$/,
    "Dial an E.164 number (+14155550100), client:name or sip:address",
  );

export const ZAction = z.discriminatedUnion("type", [
  z.object({ type: z.literal("menu"), menu: ZMenuId }),
  z.object({
    type: z.literal("queue"),
    queue: z.string().trim().regex(QUEUE_NAME, "Queue names are letters, digits, - or _").default("support"),
    /** `{position}` is replaced with the caller's place in the queue */
    waitMessage: ZText(500).default("All our agents are busy. You are number {position} in the queue."),
  }),
  z.object({
    type: z.literal("dial"),
    to: ZDialTarget,
    timeoutSeconds: z.number().int().min(5).max(120).default(DEFAULT_DIAL_TIMEOUT_SECONDS),
  }),
  z.object({
    type: z.literal("voicemail"),
    prompt: ZText(500).default("Please leave a message after the tone, and we will get back to you."),
    maxLengthSeconds: z.number().int().min(10).max(600).default(DEFAULT_VOICEMAIL_SECONDS),
  }),
  z.object({ type: z.literal("callback") }),
  z.object({ type: z.literal("ticket_status") }),
  z.object({ type: z.literal("repeat") }),
  z.object({ type: z.literal("back") }),
  z.object({ type: z.literal("hangup"), message: ZText(500).default("Goodbye.") }),
]);
export type IvrAction = z.infer<typeof ZAction>;
export type ActionType = IvrAction["type"];

export const ACTION_LABELS: Record<ActionType, string> = {
  menu: "Go to a sub-menu",
  queue: "Queue for an agent",
  dial: "Dial an agent's number",
  voicemail: "Voicemail",
  callback: "Request a callback",
  ticket_status: "Hear the status of my latest ticket",
  repeat: "Repeat this menu",
  back: "Back to the previous menu",
  hangup: "Say goodbye and hang up",
};

export const ZOption = z.object({
  key: z.string().regex(/^[0-9*]$/, "A key is one of 0–9 or *"),
  /** words or phrases a caller may say instead of pressing the key */
  speech: z.array(ZText(80).min(1)).max(10).default([]),
  action: ZAction,
});
export type IvrOption = z.infer<typeof ZOption>;

/** Fallbacks end the menu loop, so they cannot be "repeat" or "back". */
const ZFallback = ZAction.refine(
  (a) => a.type !== "repeat" && a.type !== "back",
  "A fallback cannot repeat or go back",
);

export const ZMenu = z.object({
  id: ZMenuId,
  name: ZText(80).min(1, "Give the menu a name"),
  prompt: ZPrompt,
  options: z.array(ZOption).max(11),
  /** how many times no input or an unknown key replays the prompt before the fallback */
  maxRetries: z.number().int().min(0).max(5).default(2),
  retryMessage: ZText(300).default("Sorry, I didn't get that."),
  fallback: ZFallback,
});
export type IvrMenu = z.infer<typeof ZMenu>;
/** What a menu falls back to: never "repeat" or "back" (a fallback must not loop). */
export type IvrFallback = IvrMenu["fallback"];

export const ZIvrConfig = z
  .object({
    voice: z
      .string()
      .trim()
      .regex(/^[\w.-]{1,64}$/, "A Twilio voice name, e.g. Polly.Joanna or alice")
      .default("Polly.Joanna"),
    language: z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}-[A-Z]{2}$/, "A language tag like en-US")
      .default("en-US"),
    greeting: ZPrompt,
    businessHours: ZBusinessHours,
    afterHours: z.object({ message: ZPrompt, action: ZFallback }),
    startMenu: ZMenuId,
    menus: z.array(ZMenu).min(1, "The IVR needs at least one menu").max(50),
  })
  .superRefine((config, ctx) => {
    const ids = new Set<string>();
    config.menus.forEach((menu, i) => {
      if (ids.has(menu.id))
        ctx.addIssue({ code: "custom", path: ["menus", i, "id"], message: `Two menus are called "${menu.id}"` });
      ids.add(menu.id);
      const keys = new Set<string>();
      menu.options.forEach((o, j) => {
        if (keys.has(o.key))
          ctx.addIssue({
            code: "custom",
            path: ["menus", i, "options", j, "key"],
            message: `Key ${o.key} is used twice in "${menu.name}"`,
          });
        keys.add(o.key);
      });
    });
    const checkTarget = (action: IvrAction, path: (string | number)[]) => {
      if (action.type === "menu" && !ids.has(action.menu))
        ctx.addIssue({ code: "custom", path: [...path, "menu"], message: `There is no menu "${action.menu}"` });
    };
    if (!ids.has(config.startMenu))
      ctx.addIssue({ code: "custom", path: ["startMenu"], message: `There is no menu "${config.startMenu}"` });
    checkTarget(config.afterHours.action, ["afterHours", "action"]);
    config.menus.forEach((menu, i) => {
      menu.options.forEach((o, j) => checkTarget(o.action, ["menus", i, "options", j, "action"]));
      checkTarget(menu.fallback, ["menus", i, "fallback"]);
    });
  });
export type IvrConfig = z.infer<typeof ZIvrConfig>;

/** What a new helpdesk answers with until an admin edits it: open around the clock, four choices. */
export const DEFAULT_IVR: IvrConfig = ZIvrConfig.parse({
  greeting: { say: "Thanks for calling Omnidesk support." },
  businessHours: ALWAYS_OPEN,
  afterHours: {
    message: { say: "We are closed right now." },
    action: { type: "voicemail" },
  },
  startMenu: "main",
  menus: [
    {
      id: "main",
      name: "Main menu",
      prompt: {
        say: "To speak to an agent, press 1 or say agent. To leave a message, press 2 or say message. To hear the status of your latest request, press 3 or say status. To ask for a callback, press 4. To hear these options again, press 9.",
      },
      options: [
        { key: "1", speech: ["agent", "support"], action: { type: "queue" } },
        { key: "2", speech: ["message", "voicemail"], action: { type: "voicemail" } },
        { key: "3", speech: ["status", "ticket"], action: { type: "ticket_status" } },
        { key: "4", speech: ["callback", "call me back"], action: { type: "callback" } },
        { key: "9", speech: ["repeat"], action: { type: "repeat" } },
      ],
      fallback: { type: "voicemail" },
    },
  ],
});

export function findMenu(config: IvrConfig, id: string): IvrMenu | undefined {
  return config.menus.find((m) => m.id === id);
}

/** The option a caller chose by key, or by saying one of its phrases (whole words, any case). */
export function chooseOption(menu: IvrMenu, input: { digits?: string; speech?: string }): IvrOption | undefined {
  if (input.digits) return menu.options.find((o) => o.key === input.digits);
  const said = ` ${(input.speech ?? "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
  if (!said.trim()) return undefined;
  return menu.options.find((o) =>
    o.speech.some((phrase) =>
      said.includes(
        ` ${phrase
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, " ")
          .trim()} `,
      ),
    ),
  );
}
