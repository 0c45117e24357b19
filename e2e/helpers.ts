import { execFileSync } from "node:child_process";
import { expect, type APIRequestContext, type LaunchOptions, type Page } from "@playwright/test";
import { signedTwilioPost } from "../tests/helpers/twilio";
import {
  AGENT_EMAIL,
  DEMO_PASSWORD,
  SMTP_INBOUND_PORT,
  SMTP_SINK_HTTP_PORT,
  SUPPORT_ADDRESS,
  TWILIO_AUTH_TOKEN,
} from "./e2e-env";

export const uniq = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function signInWithPassword(page: Page, email: string, password: string, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signInAsAgent(page: Page) {
  await signInWithPassword(page, AGENT_EMAIL, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/inbox/);
}

export async function signUpCustomer(page: Page, name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}@customer.test`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/Password/).fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/portal$/);
  return email;
}

/** Posts to the app exactly as Twilio would: signed over the public URL and every param. */
export async function postAsTwilio(request: APIRequestContext, url: string, params: Record<string, string>) {
  const signed = signedTwilioPost(new URL(url).pathname + new URL(url).search, params, {
    authToken: TWILIO_AUTH_TOKEN,
    signedUrl: url,
  });
  return request.post(url, { headers: signed.headers, data: Buffer.from(String(signed.body)) });
}

/**
 * Browser options for journeys whose page sits on another loopback origin: Chromium asks the user before such
 * a page may reach a loopback address (Local Network Access); in production the API is not on loopback.
 * Keeps the suite's other launch flags.
 */
export function allowLoopbackFromOtherOrigins(launchOptions: LaunchOptions | undefined) {
  return {
    launchOptions: {
      ...launchOptions,
      args: [...(launchOptions?.args ?? []), "--disable-features=LocalNetworkAccessChecks"],
    },
  };
}

export interface SentMail {
  to: string[];
  from?: string;
  subject?: string;
  text?: string;
  messageId?: string;
  inReplyTo?: string;
}

/** The newest mail the app sent (over SMTP, to e2e/smtp-sink.mjs) that matches. */
export async function sentMail(match: (m: SentMail) => boolean): Promise<SentMail | undefined> {
  const res = await fetch(`http://127.0.0.1:${SMTP_SINK_HTTP_PORT}/messages`);
  return ((await res.json()) as SentMail[]).filter(match).at(-1);
}

/** Polls the sink until a mail to `address` arrives; returns the first link in it. */
export async function linkMailedTo(address: string, subject: RegExp): Promise<string> {
  let link = "";
  await expect
    .poll(
      async () => {
        const mail = await sentMail((m) => m.to.includes(address) && subject.test(m.subject ?? ""));
        link = /https?:\/\/\S+/.exec(mail?.text ?? "")?.[0] ?? "";
        return link;
      },
      { timeout: 15_000 },
    )
    .not.toBe("");
  return link;
}

/** Real SMTP from Debian's swaks to the app's receiver; returns swaks' transcript. */
export function swaks(raw: string, from = "sender@example.com"): string {
  return execFileSync(
    "swaks",
    ["--server", `127.0.0.1:${SMTP_INBOUND_PORT}`, "--to", SUPPORT_ADDRESS, "--from", from, "--data", "-"],
    // swaks turns line feeds into CRLF itself.
    { input: raw.replace(/\r\n/g, "\n"), encoding: "utf8" },
  );
}

/** Follows a link of the agent workspace's sidebar, opening the settings menu it may sit in. */
export async function openFromNav(page: Page, name: string) {
  const nav = page.locator("#shell-nav");
  const link = nav.getByRole("link", { name, exact: true });
  if (!(await link.isVisible())) await nav.locator(".nav-menu > summary").click();
  await link.click();
}

/** Sets one of the inbox's filters, opening the filter panel when it is closed. */
export async function setInboxFilter(page: Page, label: string, value: string) {
  const group = page.getByRole("group", { name: "Filters" });
  if (!(await group.isVisible())) await page.getByRole("button", { name: /^Filters/ }).click();
  await group.getByLabel(label).selectOption(value);
}
