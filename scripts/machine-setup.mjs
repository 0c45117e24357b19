// What `npm test` needs from the machine besides npm packages: Debian's Chromium
// (Playwright's own browser download cannot work offline), swaks (the email
// journey speaks real SMTP with it), Dovecot (the IMAP tests run a real server)
// and PostgreSQL on 127.0.0.1:5432. As root with apt-get, what is missing is
// installed or started; otherwise the run stops at once with the command to run.
// Plain Node, so it works on a fresh clone before `npm ci`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { run } from "./run-steps.mjs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const onPath = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;

const PACKAGES = [
  { what: "Chromium", present: () => existsSync(CHROMIUM), apt: "chromium" },
  { what: "swaks", present: () => onPath("swaks"), apt: "swaks" },
  { what: "Dovecot", present: () => existsSync("/usr/sbin/dovecot"), apt: "dovecot-imapd" },
  { what: "pg_isready", present: () => onPath("pg_isready"), apt: "postgresql-client" },
];

const canInstall = () => process.getuid?.() === 0 && onPath("apt-get");

export function ensurePackages() {
  const missing = PACKAGES.filter((p) => !p.present());
  if (missing.length === 0) return;
  const names = missing.map((p) => p.apt);
  if (!canInstall())
    throw new Error(
      `missing ${missing.map((p) => p.what).join(", ")}: run  sudo apt-get install -y ${names.join(" ")}` +
        (existsSync(CHROMIUM) ? "" : "  (or set CHROMIUM_PATH to a Chromium binary)"),
    );
  console.log(`› installing ${names.join(", ")} (apt-get)`);
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", ...names], { env: { DEBIAN_FRONTEND: "noninteractive" } });
}

const postgresAnswers = () =>
  spawnSync("pg_isready", ["-q", "-h", "127.0.0.1", "-p", "5432"], { stdio: "ignore" }).status === 0;

/**
 * PostgreSQL on 127.0.0.1:5432 for the second run of the integration tests:
 * started when a local cluster exists and we may start it. Without it the
 * tests run on SQLite only, unless REQUIRE_POSTGRES=1 (CI) makes it an error.
 */
export function ensurePostgres() {
  if (postgresAnswers()) return;
  const versions = existsSync("/etc/postgresql") ? readdirSync("/etc/postgresql") : [];
  if (versions.length && process.getuid?.() === 0 && onPath("pg_ctlcluster")) {
    console.log("› starting PostgreSQL");
    spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", versions[0], "main", "start"], { stdio: "inherit" });
    for (let i = 0; i < 30 && !postgresAnswers(); i++) spawnSync("sleep", ["1"]);
  }
  if (postgresAnswers()) return;
  const hint = "start it, or install it with  sudo apt-get install -y postgresql";
  if (process.env.REQUIRE_POSTGRES === "1")
    throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL does not answer on 127.0.0.1:5432: ${hint}`);
  console.warn(`⚠ PostgreSQL does not answer on 127.0.0.1:5432 (${hint}): integration tests run on SQLite only`);
}
