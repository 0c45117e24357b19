// The built-in SMTP receiver for MX or relay delivery. It refuses recipients we
// don't serve (550) and messages over the limit (552), and answers 250 only
// after the message is stored and queued — a failure to store is a 451, so the
// sending server keeps the message and retries.
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import { log } from "../../log";
import { acceptsRecipient, type MailboxConfig } from "./addresses";

export interface ReceiverOptions {
  mailbox: MailboxConfig;
  maxBytes: number;
  /** resolves once the message is durable */
  onMessage: (raw: Buffer, envelope: SmtpEnvelope) => Promise<void>;
  hostname?: string;
}

export interface SmtpEnvelope {
  /** MAIL FROM (empty for bounces) */
  from?: string;
  /** RCPT TO */
  to: string[];
  /** the sending server: its address and the name it gave in HELO/EHLO */
  peer: { address?: string; name?: string };
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export function createSmtpReceiver(opts: ReceiverOptions): SMTPServer {
  return new SMTPServer({
    name: opts.hostname,
    banner: "Omnidesk mail receiver",
    authOptional: true,
    // Receiving only: no login, and no STARTTLS without a certificate (put TLS in front if needed).
    disabledCommands: ["AUTH", "STARTTLS"],
    size: opts.maxBytes,
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (!acceptsRecipient(opts.mailbox, address.address)) {
        return callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= opts.maxBytes) chunks.push(chunk);
      });
      stream.on("end", () => {
        if (stream.sizeExceeded || size > opts.maxBytes) {
          return callback(smtpError(552, `5.3.4 Message too big: the limit is ${opts.maxBytes} bytes`));
        }
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined;
        const to = session.envelope.rcptTo.map((r) => r.address);
        const peer = { address: session.remoteAddress, name: session.hostNameAppearsAs || session.clientHostname };
        opts.onMessage(Buffer.concat(chunks), { from, to, peer }).then(
          () => callback(),
          (err) => {
            log.error("could not store an incoming email; told the sender to retry", { err });
            callback(smtpError(451, "4.3.0 Temporary failure storing the message, please retry"));
          },
        );
      });
    },
  });
}
