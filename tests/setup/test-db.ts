// Where each test worker's database lives: its own SQLite file or PostgreSQL
// database, so parallel workers never see each other's rows. PostgreSQL names
// carry the run's id too, so two test runs on one server (a CI clone beside a
// working copy) never share — or drop — each other's databases.
import path from "node:path";

export const POSTGRES_ADMIN_URL = process.env.POSTGRES_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const TEST_DB_PREFIX = "omnidesk_test_";

export const runDatabasePrefix = (runId: string) => `${TEST_DB_PREFIX}${runId}_`;

export function workerDatabaseUrl(provider: string, workerId: string, runId: string): string {
  if (provider === "postgres") {
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${runDatabasePrefix(runId)}${workerId}`;
    return url.toString();
  }
  return `file:${path.join("data", "test", `worker-${workerId}.db`)}`;
}
