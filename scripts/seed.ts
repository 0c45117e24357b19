// Seeds a demo helpdesk: agents, a team, and customers with conversations on
// every channel. Runs only on an empty database. Prints the demo sign-ins.
// The password comes from DEMO_PASSWORD or is generated: none is kept in the repo.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { db } from "../lib/db/client";
import { ingest } from "../lib/conversations/ingest";
import { reply } from "../lib/conversations/reply";
import { updateConversation } from "../lib/conversations/update-conversation";
import { drainOutbox } from "../lib/channels/delivery";
import { hashPassword } from "../lib/users/accounts";

/** Where the printed sign-ins are kept (git-ignored); e2e keeps its own. */
export const CREDENTIALS_FILE = process.env.DEMO_CREDENTIALS_FILE ?? "data/demo-credentials.txt";

export async function seedDemo(password = process.env.DEMO_PASSWORD || randomBytes(9).toString("base64url")) {
  const client = db();
  if ((await client.user.count()) > 0) return { seeded: false as const };
  const hash = await hashPassword(password);
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

  const support = await client.team.create({ data: { name: "Support" } });
  const billing = await client.team.create({ data: { name: "Billing" } });
  const user = (email: string, name: string, role: string) =>
    client.user.create({ data: { email, name, role, passwordHash: hash } });
  const admin = await user("admin@demo.test", "Ada Admin", "admin");
  const alex = await user("alex@demo.test", "Alex Agent", "agent");
  const sam = await user("sam@demo.test", "Sam Support", "agent");
  for (const a of [admin, alex, sam]) await client.teamMember.create({ data: { userId: a.id, teamId: support.id } });
  await client.teamMember.create({ data: { userId: sam.id, teamId: billing.id } });

  // A portal customer with an account.
  const carla = await client.customer.create({
    data: {
      name: "Carla Diaz",
      identities: {
        create: [
          { kind: "email", value: "carla@demo.test" },
          { kind: "phone", value: "+14155550142" },
        ],
      },
    },
  });
  await client.user.create({
    data: { email: "carla@demo.test", name: "Carla Diaz", role: "customer", passwordHash: hash, customerId: carla.id },
  });
  const c1 = await ingest(client, {
    channel: "portal",
    from: { customerId: carla.id },
    newConversation: true,
    subject: "Invoice shows the wrong VAT number",
    body: "Hi, my March invoice has our old VAT number. Can you reissue it?",
    receivedAt: minutesAgo(180),
  });
  await reply(client, c1.conversationId, alex.id, {
    body: "Thanks Carla — I've asked billing to reissue it with the new number.",
  });
  await reply(client, c1.conversationId, alex.id, { body: "Billing says reissues take a day.", internal: true });
  await updateConversation(client, c1.conversationId, alex.id, {
    assigneeId: alex.id,
    teamId: support.id,
    status: "pending",
  });
  // The same customer texting: joins her open conversation, one timeline across channels.
  await ingest(client, {
    channel: "sms",
    providerId: "SMdemo0001",
    from: { identity: { kind: "phone", value: "+1 415 555 0142" } },
    body: "Any update on the invoice?",
    receivedAt: minutesAgo(30),
  });

  await ingest(client, {
    channel: "email",
    providerId: "<demo-1@mail.example.com>",
    from: { identity: { kind: "email", value: "erin@example.com" }, name: "Erin Walsh" },
    subject: "Can't reset my password",
    body: "The reset link says it has expired, every time.\n\nErin",
    receivedAt: minutesAgo(95),
  });
  const sms = await ingest(client, {
    channel: "sms",
    providerId: "SMdemo0002",
    from: { identity: { kind: "phone", value: "+447700900123" }, name: "Dev Patel" },
    body: "Is the shop open on Sunday?",
    receivedAt: minutesAgo(60),
  });
  await reply(client, sms.conversationId, sam.id, { body: "Hi Dev, yes — 10am to 4pm on Sundays." });
  await updateConversation(client, sms.conversationId, sam.id, { status: "solved" });
  await ingest(client, {
    channel: "chat",
    providerId: "chat-demo-1",
    from: { identity: { kind: "chat", value: "visitor-7f3a" }, name: "Website visitor" },
    body: "Do you ship to Canada?",
    receivedAt: minutesAgo(12),
  });
  const call = await ingest(client, {
    channel: "voice",
    providerId: "CAdemo0001",
    from: { identity: { kind: "phone", value: "+12025550177" }, name: "Frank Moore" },
    subject: "Voicemail from +1 202-555-0177",
    body: "(voicemail transcript) Hi, my order 4411 arrived damaged, please call me back.",
    receivedAt: minutesAgo(240),
  });
  await updateConversation(client, call.conversationId, admin.id, { priority: "high", teamId: support.id });
  await ingest(client, {
    channel: "api",
    providerId: "api-demo-1",
    from: { identity: { kind: "email", value: "ops@partner.example" }, name: "Partner Ops" },
    subject: "Bulk order import failed",
    body: "Our nightly import returned 502 twice.",
    receivedAt: minutesAgo(400),
  });

  // A chat widget for pages served locally on port 8080 (docs/chat.md).
  await client.chatSite.create({
    data: { key: "demo", name: "Demo shop", allowedOrigins: "http://localhost:8080 http://127.0.0.1:8080" },
  });

  await drainOutbox(client, { transports: {} });
  const accounts = [
    ["admin", "admin@demo.test"],
    ["agent", "alex@demo.test"],
    ["agent", "sam@demo.test"],
    ["customer", "carla@demo.test"],
  ];
  return { seeded: true as const, password, accounts };
}

if (process.argv[1]?.endsWith("seed.ts")) {
  seedDemo()
    .then((r) => {
      if (!r.seeded) {
        console.log("Database already has users: demo data not seeded again.");
        return;
      }
      const lines = [
        "Demo sign-ins (password for all: " + r.password + ")",
        ...r.accounts.map(([role, email]) => `  ${role.padEnd(8)} ${email}`),
      ];
      mkdirSync("data", { recursive: true });
      writeFileSync(CREDENTIALS_FILE, lines.join("\n") + "\n", { mode: 0o600 });
      console.log(lines.join("\n"));
    })
    .catch((err) => {
      console.error("seed failed:", err);
      process.exit(1);
    })
    .finally(() => void db().$disconnect());
}
