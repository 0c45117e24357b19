import { describe, expect, it } from "vitest";
import { subjectFromBody } from "./ingest";
import { decodeCursor, encodeCursor } from "../db/cursor";

describe("subjectFromBody", () => {
  it("takes the first non-empty line", () => {
    expect(subjectFromBody("\n  \nMy printer is on fire\nplease help", "sms")).toBe("My printer is on fire");
  });
  it("shortens long lines and names the channel when there is no text", () => {
    expect(subjectFromBody("x".repeat(100), "chat")).toHaveLength(78);
    expect(subjectFromBody("   ", "voice")).toBe("New voice conversation");
  });
});

describe("keyset cursor", () => {
  it("round-trips a position, with numeric or cuid ids", () => {
    const at = new Date("2026-03-01T10:00:00.123Z");
    expect(decodeCursor(encodeCursor(at, 42))).toEqual({ at, id: "42" });
    expect(decodeCursor(encodeCursor(at, "cmwwtev29000nyi7dzopj723g"))).toEqual({
      at,
      id: "cmwwtev29000nyi7dzopj723g",
    });
  });
  it("refuses cursors it did not make", () => {
    expect(() => decodeCursor("garbage")).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from("1:2:3").toString("base64url"))).toThrow(/cursor/);
  });
});
