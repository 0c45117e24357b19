import { describe, expect, it } from "vitest";
import { chooseOption, DEFAULT_IVR, findMenu, ZIvrConfig } from "./ivr-config";

const main = findMenu(DEFAULT_IVR, "main")!;

describe("IVR options", () => {
  it("are chosen by key, or by a phrase said anywhere in the caller's words, ignoring case and punctuation", () => {
    expect(chooseOption(main, { digits: "2" })?.action.type).toBe("voicemail");
    expect(chooseOption(main, { speech: "Um, I'd like an AGENT please." })?.action.type).toBe("queue");
    expect(chooseOption(main, { speech: "could you call me back" })?.action.type).toBe("callback");
  });

  it("match whole words only, and nothing for silence or an unknown key", () => {
    expect(chooseOption(main, { speech: "agency" })).toBeUndefined();
    expect(chooseOption(main, { speech: "   " })).toBeUndefined();
    expect(chooseOption(main, {})).toBeUndefined();
    expect(chooseOption(main, { digits: "7" })).toBeUndefined();
  });
});

describe("IVR configuration", () => {
  it("the default is valid and fills in action defaults", () => {
    expect(ZIvrConfig.parse(DEFAULT_IVR)).toEqual(DEFAULT_IVR);
    expect(main.options[0]!.action).toEqual({
      type: "queue",
      queue: "support",
      waitMessage: "All our agents are busy. You are number {position} in the queue.",
    });
  });

  it("refuses a missing start menu, duplicate menu ids, a looping fallback and a bad dial target", () => {
    const r = ZIvrConfig.safeParse({
      ...DEFAULT_IVR,
      startMenu: "nope",
      menus: [
        main,
        { ...main, fallback: { type: "repeat" } },
        { ...main, id: "other", options: [{ key: "1", action: { type: "dial", to: "0800 FLOWERS" } }] },
      ],
    });
    expect(r.success).toBe(false);
    const problems = r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'startMenu: There is no menu "nope"',
        'menus.1.id: Two menus are called "main"',
        "menus.1.fallback: A fallback cannot repeat or go back",
        "menus.2.options.0.action.to: Dial an E.164 number (+14155550100), client:name or sip:address",
      ]),
    );
  });
});
