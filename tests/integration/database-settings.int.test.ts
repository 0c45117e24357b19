import { expect, it } from "vitest";
import { databaseProvider, db } from "@/lib/db/client";

it("the database runs as the app relies on: SQLite in WAL mode, PostgreSQL in UTF-8", async () => {
  if (databaseProvider() === "sqlite") {
    const rows = await db().$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode");
    expect(rows[0]?.journal_mode).toBe("wal");
  } else {
    const rows = await db().$queryRawUnsafe<Array<{ server_encoding: string }>>("SHOW server_encoding");
    expect(rows[0]?.server_encoding).toBe("UTF8");
  }
});
