// Runs once per integration project: a fresh run id for this run's databases,
// handed to the workers, and their removal at the end.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { POSTGRES_ADMIN_URL, runDatabasePrefix } from "./test-db";

declare module "vitest" {
  export interface ProvidedContext {
    testRunId: string;
  }
}

async function dropDatabases(pattern: string) {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      pattern,
    ]);
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString("hex");
  project.provide("testRunId", runId);
  // The project's own env (test.env), which the workers get; this process does not.
  const provider = (project.config.env as Record<string, string> | undefined)?.TEST_DB ?? process.env.TEST_DB;
  if (provider !== "postgres") {
    rmSync("data/test", { recursive: true, force: true });
    return;
  }
  return async () => dropDatabases(`${runDatabasePrefix(runId)}%`);
}
