// A real SMTP server on loopback standing in for the remote relay the app sends
// through: it keeps what it was given, or refuses DATA with the code a test sets.
import { SMTPServer } from "smtp-server";

export interface SmtpSink {
  url: string;
  /** each accepted message, raw, with its envelope recipients */
  received: Array<{ raw: Buffer; to: string[] }>;
  /** answer DATA with this instead of 250 (a 4xx or 5xx) until set back to null */
  refuse: { code: number; text: string } | null;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: Omit<SmtpSink, "url" | "close"> = { received: [], refuse: null };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (sink.refuse) return cb(Object.assign(new Error(sink.refuse.text), { responseCode: sink.refuse.code }));
        sink.received.push({ raw: Buffer.concat(chunks), to: session.envelope.rcptTo.map((r) => r.address) });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  });
}
