// The e2e app's outgoing mail server: real SMTP (smtp-server) on loopback,
// started once for the whole run; journeys read what arrived over HTTP.
import http from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const smtpPort = Number(process.env.E2E_SMTP_SINK_PORT ?? 3197);
const httpPort = Number(process.env.E2E_SMTP_SINK_HTTP_PORT ?? 3196);
const received = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["AUTH", "STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream).then((mail) => {
      received.push({
        to: (mail.to && !Array.isArray(mail.to) ? mail.to.value : []).map((a) => a.address),
        from: mail.from?.value[0]?.address,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo,
      });
      callback();
    }, callback);
  },
});
smtp.listen(smtpPort, "127.0.0.1");

http
  .createServer((req, res) => {
    if (req.url !== "/messages") return res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(received));
  })
  .listen(httpPort, "127.0.0.1");
