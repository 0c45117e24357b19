// The app as the Playwright journeys use it: a fresh SQLite file, migrated and
// seeded with the demo, a production build, `next start`. Refuses any database
// that is not a local file, so e2e can never touch real data.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { ensureBuild, run } from "./run-steps.mjs";

const url = process.env.DATABASE_URL ?? "";
if (!url.startsWith("file:./data/")) {
  console.error(`e2e refuses DATABASE_URL=${url}: only a file under ./data/`);
  process.exit(2);
}
const file = url.slice("file:".length);
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
run("npx", ["tsx", "--conditions=react-server", "scripts/db-migrate.ts"]);
run("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"]);
ensureBuild();
const server = spawn("npx", ["next", "start", "-p", process.env.E2E_APP_PORT ?? "3100", "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
