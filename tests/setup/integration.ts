// Per test file: point the app at this worker's database, migrate it, and
// empty every table before each test (each test creates the data it needs).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { beforeAll, beforeEach, inject } from "vitest";
import { POSTGRES_ADMIN_URL, runDatabasePrefix, workerDatabaseUrl } from "./test-db";

const provider = process.env.TEST_DB ?? "sqlite";
const workerId = process.env.VITEST_POOL_ID ?? "1";
const runId = inject("testRunId");
process.env.DATABASE_URL = workerDatabaseUrl(provider, workerId, runId);
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
process.env.BCRYPT_COST = "4";
process.env.OUTBOX_WORKER = "off";
// Twilio webhooks are verified against the public URL, which differs from the
// URL the handler sees (http://localhost/…), as behind a proxy.
process.env.PUBLIC_URL = "https://desk.example.test";
process.env.TWILIO_ACCOUNT_SID = "AC00000000000000000000000000000000";
process.env.TWILIO_AUTH_TOKEN = "integration-tests-twilio-token";
process.env.TWILIO_SMS_FROM = "+15005550006";
process.env.EMAIL_WEBHOOK_SECRET = "integration-email-webhook-secret";
process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "omnidesk-blobs-"));

const { migrate } = await import("@/lib/db/migrate");
const { db } = await import("@/lib/db/client");
const { resetRateLimits } = await import("@/lib/gateway/shared-rate-limit");

beforeAll(async () => {
  if (provider === "postgres") {
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    const name = `${runDatabasePrefix(runId)}${workerId}`;
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
  }
  await migrate(process.env.DATABASE_URL!);
});

beforeEach(async () => {
  await truncateAll();
  resetRateLimits();
});

async function truncateAll() {
  const client = db();
  if (provider === "postgres") {
    const tables = await client.$queryRawUnsafe<Array<{ tablename: string }>>(
      `SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    // A previous test's background reader (a stream hub's poll) may hold a table this TRUNCATE needs while
    // waiting for one it took: PostgreSQL breaks that deadlock by failing one side, so try again.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.$executeRawUnsafe(
          `TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`,
        );
        return;
      } catch (err) {
        if (attempt >= 5 || !String(err).includes("40P01")) throw err;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }
  // The search index's FTS5 tables (and their shadow tables) follow their content tables through triggers.
  const tables = await client.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT t.name FROM sqlite_master t WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' AND t.name <> '_prisma_migrations'
       AND t.sql NOT LIKE 'CREATE VIRTUAL TABLE%'
       AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' AND t.name LIKE v.name || '\\_%' ESCAPE '\\')`,
  );
  await client.$executeRawUnsafe("PRAGMA foreign_keys = OFF");
  for (const t of tables) await client.$executeRawUnsafe(`DELETE FROM "${t.name}"`);
  await client.$executeRawUnsafe(`DELETE FROM sqlite_sequence`).catch(() => undefined);
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
}
