import { describe, expect, it } from "vitest";
import { safeCallback } from "./safe-callback";

describe("safeCallback", () => {
  it("keeps paths on this site", () => {
    expect(safeCallback("/inbox")).toBe("/inbox");
    expect(safeCallback("/inbox/12?channel=sms#top")).toBe("/inbox/12?channel=sms#top");
  });
  it("refuses anything a browser would take to another site", () => {
    for (const evil of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      " /inbox",
      "",
    ]) {
      expect(safeCallback(evil), evil).toBeUndefined();
    }
    expect(safeCallback(undefined)).toBeUndefined();
  });
});
