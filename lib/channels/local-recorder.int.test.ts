import { describe, expect, it } from "vitest";
import * as outbox from "@/app/api/dev/outbox/route";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/conversations/ingest";
import { reply } from "@/lib/conversations/reply";
import { drainOutbox } from "@/lib/channels/delivery";
import { call, createAgent, createCustomerUser, sessionCookie } from "@/tests/helpers/factories";
import type { Transport } from "./transports";

describe("GET /api/dev/outbox", () => {
  it("lists what the local recorder 'sent', with the address it would have gone to, and nothing else", async () => {
    const agent = await createAgent();
    const sms = await ingest(db(), {
      channel: "sms",
      from: { identity: { kind: "phone", value: "+14155550190" }, name: "Lou" },
      body: "hi",
    });
    const portal = await ingest(db(), {
      channel: "portal",
      from: { identity: { kind: "email", value: "p@x.test" } },
      body: "hi",
    });
    await reply(db(), sms.conversationId, agent.id, { body: "Recorded, not sent" });
    await reply(db(), portal.conversationId, agent.id, { body: "Shown in the portal" });
    await drainOutbox(db(), { transports: {} });

    const viaTwilio: Transport = { send: async () => ({ status: "sent", providerId: "SMabc" }) };
    const other = await ingest(db(), {
      channel: "sms",
      from: { identity: { kind: "phone", value: "+14155550191" } },
      body: "hi",
    });
    await reply(db(), other.conversationId, agent.id, { body: "Really sent" });
    await drainOutbox(db(), { transports: { sms: viaTwilio } });

    const res = await call(outbox.GET, { cookie: await sessionCookie(agent.id), path: "/api/dev/outbox" });
    expect(res.status).toBe(200);
    expect(res.json.items).toEqual([
      expect.objectContaining({
        channel: "sms",
        body: "Recorded, not sent",
        to: "+14155550190",
        customerName: "Lou",
        conversationId: sms.conversationId,
      }),
    ]);
  });

  it("is for agents only", async () => {
    const { user } = await createCustomerUser();
    expect((await call(outbox.GET, { path: "/api/dev/outbox" })).status).toBe(401);
    expect((await call(outbox.GET, { cookie: await sessionCookie(user.id), path: "/api/dev/outbox" })).status).toBe(
      403,
    );
  });
});
