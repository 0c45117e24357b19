import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toPostgresSchema } from "./prisma-schemas";

describe("toPostgresSchema", () => {
  it("swaps the provider and the client output and nothing else", () => {
    const sqlite = readFileSync("prisma/schema.prisma", "utf8");
    const pg = toPostgresSchema(sqlite);
    expect(pg).toContain('provider = "postgresql"');
    expect(pg).toContain("generated/postgres");
    const models = (s: string) => s.slice(s.indexOf("\nmodel "));
    expect(models(pg)).toBe(models(sqlite));
  });
  it("fails loudly when the schema no longer has the lines it rewrites", () => {
    expect(() => toPostgresSchema('datasource db { provider = "mysql" }')).toThrow(/no longer has/);
  });
});
