// Where each test worker's database lives: its own SQLite file or PostgreSQL
// database, so parallel workers never see each other's rows.
import path from "node:path";

export const POSTGRES_ADMIN_URL = process.env.POSTGRES_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const TEST_DB_PREFIX = "omnidesk_test_";

export function workerDatabaseUrl(provider: string, workerId: string): string {
  if (provider === "postgres") {
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${TEST_DB_PREFIX}${workerId}`;
    return url.toString();
  }
  return `file:${path.join("data", "test", `worker-${workerId}.db`)}`;
}
