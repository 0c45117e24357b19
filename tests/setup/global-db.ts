// Runs once per integration project: starts every run from empty databases.
import { rmSync } from "node:fs";
import pg from "pg";
import { POSTGRES_ADMIN_URL, TEST_DB_PREFIX } from "./test-db";

export default async function setup() {
  if (process.env.TEST_DB !== "postgres") {
    rmSync("data/test", { recursive: true, force: true });
    return;
  }
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${TEST_DB_PREFIX}%`,
    ]);
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
