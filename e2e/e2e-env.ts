// Fixed settings of the end-to-end run: a local app on its own SQLite file and
// a real OIDC provider on loopback. Test-only values, never used outside e2e.
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3199);
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT_ID = "omnidesk-e2e";
export const OIDC_CLIENT_SECRET = "e2e-only-client-secret";
export const TWILIO_AUTH_TOKEN = "e2e-only-twilio-token";
export const FAKE_TWILIO_PORT = Number(process.env.E2E_FAKE_TWILIO_PORT ?? 3198);
/** the app's SMTP receiver, and the sink (started with the app) for the app's outgoing mail */
export const SMTP_INBOUND_PORT = Number(process.env.E2E_SMTP_INBOUND_PORT ?? 3125);
export const SMTP_SINK_PORT = Number(process.env.E2E_SMTP_SINK_PORT ?? 3197);
/** where journeys read the mail the sink received (e2e/smtp-sink.mjs) */
export const SMTP_SINK_HTTP_PORT = Number(process.env.E2E_SMTP_SINK_HTTP_PORT ?? 3196);
export const SUPPORT_ADDRESS = "support@omnidesk.localhost";
export const DEMO_PASSWORD = "e2e-demo-password";
export const AGENT_EMAIL = "alex@demo.test";
export const ADMIN_EMAIL = "admin@demo.test";

export const appEnv = {
  DATABASE_URL: "file:./data/e2e.db",
  NEXTAUTH_SECRET: "e2e-only-session-secret-0123456789abcdef",
  NEXTAUTH_URL: APP_URL,
  OIDC_ISSUER,
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  OIDC_NAME: "Test SSO",
  OIDC_ROLES_CLAIM: "groups",
  OIDC_ADMIN_VALUES: "helpdesk-admins",
  OIDC_AGENT_VALUES: "helpdesk-agents",
  PUBLIC_URL: APP_URL,
  TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
  TWILIO_AUTH_TOKEN,
  TWILIO_SMS_FROM: "+15005550006",
  // The journeys' own fake of Twilio's REST API, started by the SMS journey.
  TWILIO_API_BASE: `http://127.0.0.1:${FAKE_TWILIO_PORT}`,
  DEMO_PASSWORD,
  DEMO_CREDENTIALS_FILE: "data/e2e-credentials.txt",
  OUTBOX_POLL_MS: "200",
  SMTP_INBOUND_PORT: String(SMTP_INBOUND_PORT),
  EMAIL_ADDRESSES: SUPPORT_ADDRESS,
  SMTP_URL: `smtp://127.0.0.1:${SMTP_SINK_PORT}`,
  STORAGE_DIR: "./data/e2e-blobs",
  // Every journey signs in from 127.0.0.1; the per-IP sign-in budget is for the
  // whole internet, not for one test runner (the limiter has its own tests).
  RATE_LIMIT_AUTH_PER_MINUTE: "1000",
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: "5000",
  // The test runner stands in for the app's reverse proxy: journeys may name their client address in
  // X-Forwarded-For (the rate-limit journey does). client-address.spec checks a server that trusts nobody.
  TRUSTED_PROXIES: "127.0.0.1/32, ::1/128",
  // Budgets shared through the database, as with several instances (the rate-limit journey trips one).
  RATE_LIMIT_STORE: "database",
  // Customers may also sign in through the SSO provider (logins starting with "cust" are in this group).
  OIDC_CUSTOMER_VALUES: "helpdesk-customers",
  // The same app under another name is another origin: the CORS journey calls the API from it.
  CORS_ORIGINS: "http://localhost:3100",
  NEXT_TELEMETRY_DISABLED: "1",
};
