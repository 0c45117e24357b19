// Journeys that need an app server of their own (another database, other settings) next to the shared one.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { expect } from "@playwright/test";

/** Runs scripts (migrate, seed) against the server's database before it starts. */
export function prepareDatabase(env: NodeJS.ProcessEnv, scripts = ["scripts/db-migrate.ts"]): void {
  for (const script of scripts) {
    const r = spawnSync("npx", ["tsx", "--conditions=react-server", script], { env, stdio: "ignore" });
    expect(r.status, script).toBe(0);
  }
}

/** `next start` of the shared build on 127.0.0.1:port; resolves once /api/health answers 200. */
export async function startNextServer(port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: { ...env, NODE_ENV: "production" },
      stdio: "ignore",
    },
  );
  await expect
    .poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined))?.status, {
      timeout: 60_000,
    })
    .toBe(200);
  return child;
}

/** Signs in over HTTP as a browser would (CSRF token, credentials callback); returns the session cookie. */
export async function signInOverHttp(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("next-auth.session-token="));
  expect(session, `signed in as ${email}`).toBeTruthy();
  return session!;
}
