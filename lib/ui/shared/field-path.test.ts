import { describe, expect, it } from "vitest";
import { pathInWords } from "./field-path";

describe("a field path in words", () => {
  it("names list items by number, days by name, and splits camelCase", () => {
    expect(pathInWords("body.config.sla.businessHours.hours.mon.0.from")).toBe(
      "SLA › business hours › Monday › period 1 › from",
    );
    expect(pathInWords("body.config.rules.2.conditions.0.value")).toBe("Rule 3 › condition 1 › value");
    expect(pathInWords("body.config.sla.policies.0.firstResponseMinutes")).toBe(
      "SLA › policy 1 › first response minutes",
    );
    expect(pathInWords("body.name")).toBe("Name");
  });
});
