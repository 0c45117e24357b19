import { defineConfig } from "@playwright/test";
import {
  APP_URL,
  appEnv,
  OIDC_ISSUER,
  OIDC_PORT,
  APP_PORT,
  SMTP_SINK_HTTP_PORT,
  SMTP_SINK_PORT,
} from "./e2e/e2e-env";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  outputDir: "test-results/playwright",
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Without the background-networking flags Chromium floods the closed network.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: "node e2e/oidc-provider.mjs",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      env: { E2E_OIDC_PORT: String(OIDC_PORT), E2E_APP_URL: APP_URL },
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      command: "node e2e/smtp-sink.mjs",
      url: `http://127.0.0.1:${SMTP_SINK_HTTP_PORT}/messages`,
      env: { E2E_SMTP_SINK_PORT: String(SMTP_SINK_PORT), E2E_SMTP_SINK_HTTP_PORT: String(SMTP_SINK_HTTP_PORT) },
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      command: "node scripts/e2e-server.mjs",
      url: `${APP_URL}/api/health`,
      env: { ...appEnv, E2E_APP_PORT: String(APP_PORT) },
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "ignore",
    },
  ],
});
