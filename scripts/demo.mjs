// npm run demo — the first Quick start command: installs, creates and migrates
// the SQLite database (or DATABASE_URL), seeds demo data, builds and starts.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { ensureBuild, ensureDependencies, run } from "./run-steps.mjs";

const port = process.env.PORT ?? "3000";
mkdirSync("data", { recursive: true });
const secretFile = "data/.auth-secret";
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(48).toString("base64url"), { mode: 0o600 });

const env = {
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/omnidesk.db",
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? readFileSync(secretFile, "utf8").trim(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  // Email works out of the box: mail to support@omnidesk.localhost on 127.0.0.1:2525 becomes a conversation.
  SMTP_INBOUND_PORT: process.env.SMTP_INBOUND_PORT ?? "2525",
};

try {
  ensureDependencies();
  run("npx", ["tsx", "--conditions=react-server", "scripts/db-migrate.ts"], { env });
  run("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { env });
  ensureBuild(env);
} catch (err) {
  console.error(`\n✗ ${err.message}`);
  process.exit(err.exitCode ?? 1);
}

const credentials = process.env.DEMO_CREDENTIALS_FILE ?? "data/demo-credentials.txt";
if (existsSync(credentials)) console.log(`\n${readFileSync(credentials, "utf8")}`);
console.log(`Omnidesk is starting on ${env.NEXTAUTH_URL}  (portal: /portal, agents: /inbox)\n`);
const server = spawn("npx", ["next", "start", "-p", port], {
  stdio: "inherit",
  env: { ...process.env, ...env, NODE_ENV: "production" },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
