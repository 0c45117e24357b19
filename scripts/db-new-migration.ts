// Authors a migration for both providers from the change to prisma/schema.prisma
// since the last migration, without a database: Prisma's migrate diff compares
// the schema snapshot kept beside each provider's migrations with the current one.
// The PostgreSQL diff needs a reachable server (POSTGRES_ADMIN_URL); it changes nothing there.
// Usage: npm run db:new-migration -- <name>
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, writePostgresSchema } from "./prisma-schemas";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <snake_case_name>");
  process.exit(2);
}
writePostgresSchema();

const providers = [
  { dir: "sqlite", schema: SQLITE_SCHEMA, url: "file::memory:" },
  {
    dir: "postgres",
    schema: POSTGRES_SCHEMA,
    url: process.env.POSTGRES_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  },
];
for (const p of providers) {
  const root = path.join("prisma", "migrations", p.dir);
  const snapshot = path.join(root, "schema.snapshot.prisma");
  mkdirSync(root, { recursive: true });
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", p.schema, "--script"],
    { env: { ...process.env, DATABASE_URL: p.url }, encoding: "utf8" },
  );
  if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|PRAGMA)\b/.test(sql)) {
    console.log(`${p.dir}: schema unchanged, no migration written`);
    continue;
  }
  const index = readdirSync(root).filter((d) => /^\d{4}_/.test(d)).length + 1;
  const folder = path.join(root, `${String(index).padStart(4, "0")}_${name}`);
  mkdirSync(folder);
  writeFileSync(path.join(folder, "migration.sql"), sql);
  copyFileSync(p.schema, snapshot);
  console.log(`${p.dir}: wrote ${folder}/migration.sql`);
}
