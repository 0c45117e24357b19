// The floor for bench/twilio-webhooks: a bare node:http handler that reads the
// same form body and does the same single insert (idempotent on MessageSid),
// with no framework, no signature check, no customer resolution.
import { createServer } from "node:http";
import Database from "better-sqlite3";

const [, , port, file] = process.argv;
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.exec(
  `CREATE TABLE IF NOT EXISTS message (id INTEGER PRIMARY KEY, provider_id TEXT UNIQUE, sender TEXT, body TEXT, created_at TEXT)`,
);
const insert = db.prepare(
  `INSERT INTO message (provider_id, sender, body, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (provider_id) DO NOTHING`,
);

createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    const p = new URLSearchParams(raw);
    insert.run(p.get("MessageSid"), p.get("From"), p.get("Body"), new Date().toISOString());
    res.writeHead(200, { "content-type": "text/xml" });
    res.end('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });
}).listen(Number(port), "127.0.0.1", () => process.send?.("ready"));
