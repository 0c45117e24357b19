import { describe, expect, it } from "vitest";
import { consentChange } from "./sms-consent";

describe("consentChange", () => {
  it("reads the standard keywords alone on a line, in any case", () => {
    expect(consentChange(" stop ")).toBe("stop");
    expect(consentChange("UNSUBSCRIBE")).toBe("stop");
    expect(consentChange("Start")).toBe("start");
    expect(consentChange("please stop")).toBeUndefined();
    expect(consentChange("HELP")).toBeUndefined();
  });
  it("prefers Twilio's OptOutType when it is sent", () => {
    expect(consentChange("please stop texting me", "STOP")).toBe("stop");
    expect(consentChange("stop", "HELP")).toBeUndefined();
    expect(consentChange("sure", "START")).toBe("start");
  });
});
