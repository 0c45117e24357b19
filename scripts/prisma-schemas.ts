// Derives prisma/postgres/schema.prisma from prisma/schema.prisma (the one
// source of truth) and generates both Prisma clients.
// Usage: tsx scripts/prisma-schemas.ts [--no-generate]
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgres", "schema.prisma");

export function toPostgresSchema(sqliteSchema: string): string {
  const swapped = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('output          = "../lib/db/generated/sqlite"', 'output          = "../../lib/db/generated/postgres"');
  if (swapped.includes('"sqlite"') || !swapped.includes("generated/postgres")) {
    throw new Error("prisma/schema.prisma no longer has the provider/output lines this script rewrites");
  }
  return "// GENERATED from prisma/schema.prisma by scripts/prisma-schemas.ts — do not edit.\n" + swapped;
}

export function writePostgresSchema(): void {
  mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  writeFileSync(POSTGRES_SCHEMA, toPostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
}

function generate(databaseUrl: string) {
  execFileSync("npx", ["prisma", "generate"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

if (process.argv[1]?.endsWith("prisma-schemas.ts")) {
  writePostgresSchema();
  if (!process.argv.includes("--no-generate")) {
    generate("file::memory:");
    generate("postgres://generate-placeholder/db");
    console.log("Prisma clients generated for sqlite and postgres");
  }
}
