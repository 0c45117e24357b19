// Malformed input for the fuzz tests (handler calls in tests/integration/fuzz.int.test.ts, the running
// server in e2e/fuzz.spec.ts): wrong types, huge strings, deep JSON, bad encodings, missing fields,
// garbage query strings and path params, NUL bytes and lone surrogates. Seeded, so a failure replays.
/** mulberry32: the same run every time, so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff\ud800",
  "💥".repeat(50),
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "../../../../etc/passwd",
  "%00%ff",
  "\r\n\r\n",
  "null",
  "NaN",
  "-0",
  "1e309",
  "x".repeat(70_000),
  "\u202e\u200b",
];

export function generator(seed: number) {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const str = () =>
    rnd() < 0.5
      ? pick(NASTY_STRINGS)
      : Math.random()
          .toString(36)
          .repeat(Math.floor(rnd() * 20));
  const value = (depth = 0): unknown => {
    const r = rnd();
    if (depth > 3 || r < 0.15) return pick([null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, 99_999_999_999]);
    if (r < 0.5) return str();
    if (r < 0.7) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
    return Object.fromEntries(
      Array.from({ length: Math.floor(rnd() * 4) }, () => [str().slice(0, 20), value(depth + 1)]),
    );
  };
  return { rnd, pick, str, value };
}

export type Body = string | Uint8Array | Record<string, unknown> | unknown[] | undefined;

export function malformedBody(g: ReturnType<typeof generator>, keys: string[]): { body: Body; contentType: string } {
  const kind = Math.floor(g.rnd() * 10);
  const json = "application/json";
  switch (kind) {
    case 0: // fields present, values of the wrong type
      return { body: Object.fromEntries(keys.map((k) => [k, g.value()])), contentType: json };
    case 1: // some fields missing, some unknown
      return {
        body: Object.fromEntries([
          ...keys.filter(() => g.rnd() < 0.5).map((k) => [k, g.str()]),
          [g.str().slice(0, 10), 1],
        ]),
        contentType: json,
      };
    case 2: // deep nesting
      return { body: `${"[".repeat(5_000 + Math.floor(g.rnd() * 50_000))}`, contentType: json };
    case 3: // not UTF-8
      return { body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]), contentType: json };
    case 4: // truncated or broken JSON
      return {
        body: g.pick(['{"body": "x"', "{,}", "[1,2", '{"a":1}}', "\u0000", "NaN", "undefined", "{'a':1}"]),
        contentType: json,
      };
    case 5: // top-level non-object
      return { body: JSON.stringify(g.value()), contentType: json };
    case 6: // over the body limit
      return { body: `{"body":"${"y".repeat(1_100_000)}"}`, contentType: json };
    case 7: // a form where JSON is expected (and the other way round for webhooks)
      return { body: `body=${enc(g.str())}&x=%ZZ`, contentType: "application/x-www-form-urlencoded" };
    case 8: // NUL bytes and lone surrogates in real fields
      return {
        body: Object.fromEntries(keys.map((k) => [k, g.pick(["a\u0000b", "\ud800x", "\u0000"])])),
        contentType: json,
      };
    default: // empty
      return { body: "", contentType: g.pick([json, "text/plain", ""]) };
  }
}

/** encodeURIComponent refuses lone surrogates; send the bytes a broken client would (CESU-style) instead. */
export const enc = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return "%ED%A0%80";
  }
};

export function garbageQuery(g: ReturnType<typeof generator>): string {
  const pairs = Array.from({ length: 1 + Math.floor(g.rnd() * 3) }, () => {
    const k = g.pick([
      "limit",
      "cursor",
      "status",
      "channel",
      "assignee",
      "n",
      "at",
      "try",
      "after",
      "queue",
      "m",
      "to",
      g.str().slice(0, 8),
    ]);
    return `${enc(k)}=${enc(g.str().slice(0, 300))}`;
  });
  return g.rnd() < 0.1 ? "%%%&=&&==" : pairs.join("&");
}

export function garbageParam(g: ReturnType<typeof generator>): string {
  return g.pick([
    "0",
    "-1",
    "1.5",
    "99999999999999999999",
    "abc",
    "%00",
    "..",
    "💥",
    "x".repeat(500),
    "1e3",
    " 1",
    String(g.value()),
  ]);
}
