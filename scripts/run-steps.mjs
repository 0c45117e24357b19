// Shared by demo.mjs, test.mjs and e2e-server.mjs: plain Node (no dependencies),
// so they work on a fresh clone before `npm ci` has run.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", ...opts, env: { ...process.env, ...opts.env } });
  if (r.status !== 0) {
    const err = new Error(`${cmd} ${args.join(" ")} exited with ${r.status ?? r.signal}`);
    err.exitCode = r.status ?? 1;
    throw err;
  }
}

/** npm ci when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = "node_modules/.package-lock.json";
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync("package-lock.json").mtimeMs) return;
  console.log("› installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const e of readdirSync(p)) {
    if (e === "generated" || e === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(p, e)));
  }
  return newest;
}

const BUILD_INPUTS = [
  "app",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
  "prisma/schema.prisma",
];

/** next build when there is no build or a source file is newer than it. */
export function ensureBuild(env = {}) {
  const id = ".next/BUILD_ID";
  const built = existsSync(id) ? statSync(id).mtimeMs : 0;
  if (built && BUILD_INPUTS.every((p) => newestMtime(p) <= built)) return;
  console.log("› building the app (next build)…");
  run("npx", ["next", "build"], { env });
}

/** Resolves once `url` answers at all (any status), polling every 200 ms up to `tries` times. */
export async function waitForUrl(url, tries = 100) {
  for (let i = 0; i < tries; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${url} did not come up`);
}
