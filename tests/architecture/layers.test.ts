// The layer rule itself: a wrong import fails it by name, and the real tree keeps it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cruiseTree, figures } from "@/scripts/import-graph";

const fixture = mkdtempSync(path.join(tmpdir(), "omnidesk-layers-"));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

function write(file: string, source: string) {
  mkdirSync(path.dirname(path.join(fixture, file)), { recursive: true });
  writeFileSync(path.join(fixture, file), source);
}

async function violationsIn(files: Record<string, string>) {
  rmSync(path.join(fixture, "lib"), { recursive: true, force: true });
  for (const [file, source] of Object.entries(files)) write(file, source);
  const result = await cruiseTree(["lib"], fixture);
  return result.summary.violations.map((v: { rule: { name: string }; from: string; to: string }) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.to,
  }));
}

describe("the layer rule", () => {
  it("fails a domain module importing a channel, naming the rule", async () => {
    expect(
      await violationsIn({
        "lib/conversations/reply.ts": 'import { send } from "../channels/sms/transport";\nexport const reply = send;\n',
        "lib/channels/sms/transport.ts": "export const send = 1;\n",
      }),
    ).toEqual([
      {
        rule: "layer:conversations-imports-channels",
        from: "lib/conversations/reply.ts",
        to: "lib/channels/sms/transport.ts",
      },
    ]);
  });

  it("lets a channel import the domain below it", async () => {
    expect(
      await violationsIn({
        "lib/channels/sms/inbound.ts":
          'import { ingest } from "../../conversations/ingest";\nexport const x = ingest;\n',
        "lib/conversations/ingest.ts": "export const ingest = 1;\n",
      }),
    ).toEqual([]);
  });

  it("lets the UI import server types but not server code", async () => {
    const found = await violationsIn({
      "lib/ui/inbox.tsx":
        'import type { Row } from "../conversations/queries";\nimport { list } from "../conversations/queries";\nexport const x: Row = list;\n',
      "lib/conversations/queries.ts": "export type Row = number;\nexport const list = 1;\n",
    });
    expect(found).toEqual([
      { rule: "ui-imports-server-code", from: "lib/ui/inbox.tsx", to: "lib/conversations/queries.ts" },
    ]);
  });

  it("fails file cycles and folders that belong to no layer", async () => {
    const found = await violationsIn({
      "lib/reports/csv.ts": 'import { q } from "./queries";\nexport const c = q;\n',
      "lib/reports/queries.ts": 'import { c } from "./csv";\nexport const q = c;\n',
      "lib/misc/thing.ts": 'import { c } from "../reports/csv";\nexport const t = c;\n',
      "lib/conversations/uses-misc.ts": 'import { t } from "../misc/thing";\nexport const u = t;\n',
    });
    expect(found.map((v: { rule: string; from: string }) => `${v.rule} ${v.from}`).sort()).toEqual([
      "lib-outside-the-layers lib/conversations/uses-misc.ts",
      "lib-outside-the-layers lib/misc/thing.ts",
      "no-cycles lib/reports/csv.ts",
    ]);
  });
});

describe("the import graph of this tree", () => {
  it("keeps every rule, with no lib folders importing each other both ways", async () => {
    const f = figures(await cruiseTree());
    expect(f.violations).toEqual([]);
    expect(f.pairsBothWays).toEqual([]);
  });
});
