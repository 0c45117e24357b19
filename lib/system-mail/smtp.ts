// The one place SMTP clients are made. nodemailer's own timeouts are minutes
// (two to connect, ten of silence): a stalled server would hold a worker that
// long. These bound every stage of a send well inside a job's lease.
import nodemailer from "nodemailer";

export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  /** silence on the connection at any stage, DATA included */
  socketMs: number;
}

export const SMTP_TIMEOUTS: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 30_000 };

/**
 * A client for an smtp:// or smtps:// URL. The timeouts go into the URL's query (nodemailer reads only
 * the URL's options when given one); a timeout the operator already put in SMTP_URL wins.
 */
export function smtpClient(url: string, timeouts: SmtpTimeouts = SMTP_TIMEOUTS) {
  const withTimeouts = new URL(url);
  for (const [name, ms] of [
    ["connectionTimeout", timeouts.connectionMs],
    ["greetingTimeout", timeouts.greetingMs],
    ["socketTimeout", timeouts.socketMs],
  ] as const) {
    if (!withTimeouts.searchParams.has(name)) withTimeouts.searchParams.set(name, String(ms));
  }
  return nodemailer.createTransport(withTimeouts.toString());
}
