// Prisma CLI configuration. The CLI runs with the WebAssembly engine and a
// driver adapter because these machines cannot download native engines.
// DATABASE_URL picks the provider: postgres:// → PostgreSQL, anything else → SQLite.
import path from "node:path";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/omnidesk.db";
const isPostgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres ? path.join("prisma", "postgres", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations", isPostgres ? "postgres" : "sqlite") },
  async adapter() {
    if (isPostgres) {
      const pg = await import("pg");
      patchPgNameType(pg.default as unknown as typeof import("pg"));
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: url });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url });
  },
});

// @prisma/adapter-pg rejects PostgreSQL's catalog type `name` (OID 19) that the
// schema engine's introspection queries return (prisma/orm#27403). The CLI
// process alone reports it as text (OID 25); the app's client never sees this.
function patchPgNameType(pg: typeof import("pg")) {
  for (const proto of [pg.Pool.prototype, pg.Client.prototype] as Array<{ query: (...a: unknown[]) => unknown }>) {
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      if (result && typeof (result as Promise<unknown>).then === "function") {
        return (result as Promise<{ fields?: Array<{ dataTypeID: number }> }>).then((r) => {
          for (const f of r?.fields ?? []) if (f.dataTypeID === 19) f.dataTypeID = 25;
          return r;
        });
      }
      return result;
    };
  }
}
