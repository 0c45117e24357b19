import { describe, expect, it } from "vitest";
import { fts5Query, identityFragment, searchWords, snippet, tsQuery } from "./search-terms";

describe("search terms", () => {
  it("folds case and accents and keeps letters and digits only, so no operator reaches the database", () => {
    expect(searchWords(`Crème BRÛLÉE "OR" NEAR(x) 42-b*`)).toEqual(["creme", "brulee", "or", "near", "x", "42", "b"]);
    expect(fts5Query(["refund", "stat"])).toBe(`"refund" "stat"*`);
    expect(tsQuery(["refund", "stat"])).toBe("refund & stat:*");
    expect(searchWords("a b c d e f g h i j")).toHaveLength(8);
    // A last word under three characters is a word, not a prefix.
    expect(fts5Query(["refund", "st"])).toBe(`"refund" "st"`);
    expect(tsQuery(["st"])).toBe("st");
  });

  it("reads a phone number as its digits and anything else as folded text, from three characters", () => {
    expect(identityFragment("(415) 555-01")).toBe("41555501");
    expect(identityFragment("Ana@Exä")).toBe("ana@exa");
    expect(identityFragment("+1")).toBeNull();
  });

  it("cuts a window around the first match and marks every matching word", () => {
    const long = `${"lorem ".repeat(40)}the Café was closed, café again ${"ipsum ".repeat(40)}`;
    const parts = snippet(long, ["cafe"]);
    expect(parts[0]).toEqual({ text: "…", match: false });
    expect(parts.at(-1)).toEqual({ text: "…", match: false });
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(["Café", "café"]);
    expect(parts.map((p) => p.text).join("").length).toBeLessThanOrEqual(162);
    // Only the last word may be a prefix.
    expect(
      snippet("teapots and tea", ["tea", "and"])
        .filter((p) => p.match)
        .map((p) => p.text),
    ).toEqual(["and", "tea"]);
  });
});
