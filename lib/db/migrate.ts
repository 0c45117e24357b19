// Applies the checked-in SQL migrations of the configured provider and keeps
// Prisma's own `_prisma_migrations` bookkeeping, so `prisma migrate status`
// agrees with it. We run the SQL ourselves because Prisma's migrate commands
// fail through the pg driver adapter on these machines (see BUILD-NOTES).
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "../env";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  provider: "sqlite" | "postgres";
  applied: string[];
  alreadyApplied: number;
}

const MIGRATIONS_ROOT = path.join(process.cwd(), "prisma", "migrations");
// Prisma takes the same advisory lock, so its CLI and this runner never interleave.
const PRISMA_ADVISORY_LOCK = 72707369;

export function readMigrations(provider: "sqlite" | "postgres", root = MIGRATIONS_ROOT): Migration[] {
  const dir = path.join(root, provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export async function migrate(databaseUrl: string): Promise<MigrateResult> {
  return isPostgresUrl(databaseUrl) ? migratePostgres(databaseUrl) : migrateSqlite(databaseUrl);
}

export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "");
}

function migrateSqlite(databaseUrl: string): MigrateResult {
  const file = sqlitePath(databaseUrl);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  try {
    // WAL is a property of the database file: set once here, every later connection uses it.
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const done = new Set(
      db
        .prepare(
          `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
        .all()
        .map((r) => (r as { migration_name: string }).migration_name),
    );
    const pending = readMigrations("sqlite").filter((m) => !done.has(m.name));
    const insert = db.prepare(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES (?, ?, ?, ?, ?, 1)`,
    );
    for (const m of pending) {
      const startedAt = new Date().toISOString();
      db.transaction(() => {
        db.exec(m.sql);
        insert.run(randomUUID(), m.checksum, m.name, startedAt, new Date().toISOString());
      }).immediate();
    }
    return { provider: "sqlite", applied: pending.map((m) => m.name), alreadyApplied: done.size };
  } finally {
    db.close();
  }
}

async function migratePostgres(databaseUrl: string): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Set(rows.map((r) => r.migration_name));
    const pending = readMigrations("postgres").filter((m) => !done.has(m.name));
    for (const m of pending) {
      // PostgreSQL DDL is transactional: a failing migration leaves nothing half-applied.
      await client.query("BEGIN");
      try {
        const startedAt = new Date();
        await client.query(m.sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, $4, now(), 1)`,
          [randomUUID(), m.checksum, m.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(err as Error).message}`);
      }
    }
    return { provider: "postgres", applied: pending.map((m) => m.name), alreadyApplied: done.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => undefined);
    await client.end();
  }
}
