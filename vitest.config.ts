import path from "node:path";
import pg from "pg";
import { defineConfig } from "vitest/config";

export const POSTGRES_ADMIN_URL = process.env.POSTGRES_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const shared = {
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The real package throws outside React Server Components; tests are server code.
      "server-only": path.resolve(import.meta.dirname, "tests/setup/empty-module.ts"),
    },
  },
};

export default defineConfig(async () => {
  const withPostgres = await postgresAnswers();
  if (!withPostgres) {
    if (process.env.REQUIRE_POSTGRES === "1") {
      throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL does not answer at ${POSTGRES_ADMIN_URL}`);
    }
    console.warn(`\n⚠ PostgreSQL does not answer at ${POSTGRES_ADMIN_URL}: integration tests run on SQLite only.\n`);
  }
  const integration = (provider: "sqlite" | "postgres") => ({
    ...shared,
    test: {
      name: `integration-${provider}`,
      include: ["**/*.int.test.ts"],
      exclude: ["node_modules/**", "e2e/**", ".next/**", "data/**"],
      env: { TEST_DB: provider },
      globalSetup: ["tests/setup/global-db.ts"],
      setupFiles: ["tests/setup/integration.ts"],
      testTimeout: 20_000,
      hookTimeout: 30_000,
    },
  });
  return {
    test: {
      projects: [
        {
          ...shared,
          test: {
            name: "unit",
            include: ["**/*.test.ts"],
            exclude: ["**/*.int.test.ts", "node_modules/**", "e2e/**", ".next/**", "data/**"],
          },
        },
        integration("sqlite"),
        ...(withPostgres ? [integration("postgres")] : []),
      ],
    },
  };
});
