// The one Prisma client. DATABASE_URL picks the provider; both generated
// clients come from the same models, so the SQLite client's type describes both.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { env, isPostgresUrl } from "../env";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient, Prisma } from "./generated/sqlite/client";

export type Db = SqliteClient;
export type Tx = Prisma.TransactionClient;
export { Prisma };

export function createDb(
  url: string,
  timeouts: { connectMs: number; queryMs: number } = {
    connectMs: env().DATABASE_CONNECT_TIMEOUT_MS,
    queryMs: env().DATABASE_QUERY_TIMEOUT_MS,
  },
): Db {
  if (isPostgresUrl(url)) {
    // Without these, a database whose packets are dropped holds every request until TCP gives up (minutes).
    const adapter = new PrismaPg({
      connectionString: url,
      max: 10,
      connectionTimeoutMillis: timeouts.connectMs,
      query_timeout: timeouts.queryMs,
      keepAlive: true,
    });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // better-sqlite3 waits up to `timeout` ms for a lock held by another connection.
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
}

export function databaseProvider(url = env().DATABASE_URL): "sqlite" | "postgres" {
  return isPostgresUrl(url) ? "postgres" : "sqlite";
}

const globalForDb = globalThis as unknown as { omnideskDb?: Db };

/** The process-wide client (a globalThis singleton survives dev hot reloads). */
export function db(): Db {
  globalForDb.omnideskDb ??= createDb(env().DATABASE_URL);
  return globalForDb.omnideskDb;
}

/** True for Prisma's unique-constraint violation, whatever the driver adapter. */
export function isUniqueViolation(err: unknown): boolean {
  return (
    (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") ||
    (typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002")
  );
}
