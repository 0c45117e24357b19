// The one place that reads process.env. Validated once, at first use.
import "server-only";
import { z } from "zod";
import { ZTimeZone } from "./shared/business-hours-schema";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("file:./data/omnidesk.db"),
  /** PostgreSQL: how long to wait for a connection, and for a query, before answering 503 (Twilio gives up at 15 s). */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Signs session cookies. Required: `npm run demo` generates one into data/. */
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  /** The public origin users reach the app at (sign-in callbacks, links). */
  NEXTAUTH_URL: z.url().default("http://localhost:3000"),
  /** The origin Twilio posts to, as Twilio sees it (behind a proxy it differs from the app's own). */
  PUBLIC_URL: z.url().optional(),
  TWILIO_ACCOUNT_SID: optional,
  TWILIO_AUTH_TOKEN: optional,
  /** The sender for SMS: an E.164 number or a Messaging Service SID (MG…). */
  TWILIO_SMS_FROM: optional,
  /** Where Twilio's REST API is reached: https://api.twilio.com unless an egress proxy (or a test fake) stands in. */
  TWILIO_API_BASE: z.url().optional(),
  OIDC_ISSUER: optional,
  OIDC_CLIENT_ID: optional,
  OIDC_CLIENT_SECRET: optional,
  OIDC_NAME: z.string().default("Single sign-on"),
  /** Role given to people who sign in through OIDC when no OIDC_ROLES_CLAIM is set. */
  OIDC_DEFAULT_ROLE: z.enum(["agent", "admin", "customer"]).default("agent"),
  /** The ID-token claim with group or role names ("groups", "roles"); when set, it decides each SSO sign-in's role. */
  OIDC_ROLES_CLAIM: optional,
  /** Comma-separated values of that claim that make an admin, or an agent; anyone else is refused (or a customer, below). */
  OIDC_ADMIN_VALUES: z.string().default(""),
  OIDC_AGENT_VALUES: z.string().default(""),
  /** Values that make a customer (portal access only); "*" makes a customer of anyone in neither staff group. */
  OIDC_CUSTOMER_VALUES: z.string().default(""),
  /** "customers": agents and admins must sign in with SSO (password sign-in is for customers only). */
  PASSWORD_SIGNIN: z.enum(["everyone", "customers"]).default("everyone"),
  /** "off" stops the in-process outbox worker (e.g. when a separate worker runs). */
  OUTBOX_WORKER: z.enum(["on", "off"]).default("on"),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(11),
  /** Addresses the helpdesk receives mail for (comma-separated); the first is the From of replies. */
  EMAIL_ADDRESSES: z.string().default("support@omnidesk.localhost"),
  /** Whole domains to receive mail for (comma-separated), e.g. a subdomain MX-ed to this app. */
  EMAIL_DOMAINS: z.string().default(""),
  /** The display name on outgoing mail. */
  EMAIL_FROM_NAME: z.string().default("Omnidesk Support"),
  /** Outgoing mail: smtp://user:pass@host:587 or smtps://…:465. Without it, replies are recorded locally. */
  SMTP_URL: optional,
  /** Port of the built-in SMTP receiver; off unless set (25 for MX delivery, usually behind a proxy). */
  SMTP_INBOUND_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  SMTP_INBOUND_HOST: z.string().default("127.0.0.1"),
  /** Largest email accepted, in bytes (the receiver's SIZE and the webhook's limit). */
  EMAIL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(10_000)
    .default(20 * 1024 * 1024),
  /** Shared secret of the forwarding webhook (X-Webhook-Secret); the webhook is off without it. */
  EMAIL_WEBHOOK_SECRET: optional,
  /** Origins whose browser apps may call the API with bearer tokens (comma-separated), e.g. https://app.example.com */
  CORS_ORIGINS: z.string().default(""),
  /**
   * Who may tell us the client's address (X-Forwarded-For) and host (X-Forwarded-Host): a number of
   * proxies in front of the app, or their addresses/networks ("10.0.0.0/8, 127.0.0.1"). Empty: nobody.
   */
  TRUSTED_PROXIES: z.string().default(""),
  /** Without SMTP_URL, the helpdesk's own mail (password resets, sign-in links) is written here as .eml files. */
  MAIL_PICKUP_DIR: z.string().default("./data/mail"),
  /** Where raw emails and attachments are kept. */
  STORAGE_DIR: z.string().default("./data/blobs"),
  /** requests per minute: per signed-in user or token, per IP for anonymous callers, per IP for sign-in and sign-up */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** requests per minute per chat widget visitor (messages, history, typing) */
  RATE_LIMIT_VISITOR_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** "database": budgets shared by all instances through the database (use with several instances); "memory": per instance */
  RATE_LIMIT_STORE: z.enum(["memory", "database"]).default("memory"),
  /** The time zone whose calendar days reports count in (an IANA name); after changing it, run `npm run reports:rebuild`. */
  REPORT_TIMEZONE: ZTimeZone.default("UTC"),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

export function oidcConfig(e: Env = env()) {
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return undefined;
  return { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, name: e.OIDC_NAME };
}

/** Where webhooks are addressed: PUBLIC_URL, else NEXTAUTH_URL. No trailing slash. */
export function publicUrl(e: Env = env()): string {
  return (e.PUBLIC_URL ?? e.NEXTAUTH_URL).replace(/\/$/, "");
}

export function twilioConfig(e: Env = env()) {
  if (!e.TWILIO_ACCOUNT_SID || !e.TWILIO_AUTH_TOKEN || !e.TWILIO_SMS_FROM) return undefined;
  return {
    accountSid: e.TWILIO_ACCOUNT_SID,
    authToken: e.TWILIO_AUTH_TOKEN,
    smsFrom: e.TWILIO_SMS_FROM,
    apiBase: e.TWILIO_API_BASE,
  };
}

const list = (v: string) =>
  v
    .split(",")
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);

export function ssoRoleMapping(e: Env = env()) {
  return {
    claim: e.OIDC_ROLES_CLAIM,
    adminValues: e.OIDC_ADMIN_VALUES.split(",")
      .map((v) => v.trim())
      .filter(Boolean),
    agentValues: e.OIDC_AGENT_VALUES.split(",")
      .map((v) => v.trim())
      .filter(Boolean),
    customerValues: e.OIDC_CUSTOMER_VALUES.split(",")
      .map((v) => v.trim())
      .filter(Boolean),
    defaultRole: e.OIDC_DEFAULT_ROLE,
  };
}

export function emailConfig(e: Env = env()) {
  const addresses = list(e.EMAIL_ADDRESSES);
  return {
    mailbox: { addresses, domains: list(e.EMAIL_DOMAINS) },
    fromAddress: addresses[0] ?? "support@omnidesk.localhost",
    fromName: e.EMAIL_FROM_NAME,
    smtpUrl: e.SMTP_URL,
    pickupDir: e.MAIL_PICKUP_DIR,
    maxBytes: e.EMAIL_MAX_BYTES,
    webhookSecret: e.EMAIL_WEBHOOK_SECRET,
    // Per-conversation reply addresses are signed with the app's secret.
    replySecret: e.NEXTAUTH_SECRET,
  };
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}
