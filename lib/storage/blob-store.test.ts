import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { localDiskStore } from "./blob-store";

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "omnidesk-blobs-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the local disk blob store", () => {
  it("stores the same bytes put many times at once under one key, with no temporary file left", async () => {
    const dir = scratch();
    const store = localDiskStore(dir);
    const bytes = Buffer.from("the same raw mail, delivered ten times at once");
    const keys = await Promise.all(Array.from({ length: 10 }, () => store.put(bytes, "eml")));
    expect(new Set(keys).size).toBe(1);
    const folder = path.join(dir, keys[0]!.slice(0, 2));
    expect(readdirSync(folder)).toEqual([keys[0]]);
    expect(readFileSync(path.join(folder, keys[0]!))).toEqual(bytes);
  });

  it("reads back what it stored, and null for an unknown or malformed key", async () => {
    const store = localDiskStore(scratch());
    const key = await store.put(Buffer.from("hello"), "TXT");
    expect(key).toMatch(/^[0-9a-f]{64}\.txt$/);
    expect((await store.get(key))?.toString()).toBe("hello");
    expect(await store.get("0".repeat(64))).toBeNull();
    expect(await store.get("../../etc/passwd")).toBeNull();
  });
});
