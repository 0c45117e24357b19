// Images in the chat and "seen" receipts, through the widget's and the agent's routes.
import { describe, expect, it } from "vitest";
import * as messagesRoute from "@/app/api/widget/messages/route";
import * as sessionRoute from "@/app/api/widget/session/route";
import * as imagesRoute from "@/app/api/widget/attachments/route";
import * as imageRoute from "@/app/api/widget/attachments/[key]/route";
import * as seenRoute from "@/app/api/widget/seen/route";
import * as activityRoute from "@/app/api/conversations/[id]/activity/route";
import { reply } from "@/lib/conversations/reply";
import { db } from "@/lib/db/client";
import { call, createAgent, sessionCookie } from "@/tests/helpers/factories";
import { createChatSite } from "./sites";
import { CHAT_IMAGE_MAX_BYTES } from "./visitor-images";

// The smallest valid PNG (1×1, transparent)
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

async function visitor() {
  const admin = await createAgent({ role: "admin" });
  const site = await createChatSite(db(), { name: "Shop", allowedOrigins: ["https://shop.example.com"] }, admin.id);
  const started = await call(sessionRoute.POST, {
    method: "POST",
    body: { siteKey: site.key, host: "https://shop.example.com/" },
  });
  return started.json.token as string;
}
const as = (token: string) => ({ authorization: `Visitor ${token}` });
const timeline = async (token: string) => (await call(messagesRoute.GET, { headers: as(token) })).json;
const upload = (token: string, body: Buffer, type = "image/png", name = "screen shot.png") =>
  call(imagesRoute.POST, {
    method: "POST",
    headers: { ...as(token), "content-type": type, "x-filename": encodeURIComponent(name) },
    body: new Uint8Array(body),
  });

describe("chat images", () => {
  it("stores a visitor's image as a chat message the agent sees and only that visitor can fetch back", async () => {
    const token = await visitor();
    const sent = await upload(token, PNG, "application/octet-stream");
    expect(sent.status).toBe(201);
    const m = await db().message.findUniqueOrThrow({ where: { id: sent.json.id }, include: { attachments: true } });
    expect(m).toMatchObject({ channel: "chat", direction: "inbound", body: "[image: screen shot.png]" });
    expect(m.attachments).toMatchObject([{ filename: "screen shot.png", contentType: "image/png", size: PNG.length }]);

    const t = await timeline(token);
    const key = t.messages[0].images[0].storageKey as string;
    const back = await call(imageRoute.GET, { headers: as(token), params: { key } });
    expect(back.status).toBe(200);
    expect(back.headers.get("content-type")).toBe("image/png");
    const stranger = await visitor();
    expect((await call(imageRoute.GET, { headers: as(stranger), params: { key } })).status).toBe(404);
  });

  it("refuses what isn't an image (whatever it claims) and images over the limit", async () => {
    const token = await visitor();
    const svg = await upload(token, Buffer.from("<svg onload=alert(1)></svg>"), "image/svg+xml", "x.svg");
    expect(svg.status).toBe(415);
    expect(svg.json.error.code).toBe("not_an_image");
    const big = await upload(token, Buffer.concat([PNG, Buffer.alloc(CHAT_IMAGE_MAX_BYTES)]));
    expect(big.status).toBe(413);
    expect(await db().message.count()).toBe(0);
  });
});

describe("seen receipts", () => {
  it("marks the agent's replies seen when the widget shows them, and the visitor's messages when an agent views the conversation", async () => {
    const token = await visitor();
    const sent = await call(messagesRoute.POST, { method: "POST", headers: as(token), body: { body: "hello?" } });
    const agent = await createAgent({ name: "Alex Agent" });
    const { messageId } = await reply(db(), sent.json.conversationId, agent.id, { body: "Hi there" });
    expect((await timeline(token)).messages.map((x: { seen: boolean }) => x.seen)).toEqual([false, false]);

    // The widget showed the reply
    expect((await call(seenRoute.POST, { method: "POST", headers: as(token), body: { upTo: messageId } })).status).toBe(
      200,
    );
    expect((await db().message.findUniqueOrThrow({ where: { id: messageId } })).seenAt).not.toBeNull();
    await call(seenRoute.POST, { method: "POST", headers: as(token), body: { upTo: messageId } });
    expect(await db().auditEvent.count({ where: { action: "message.seen" } })).toBe(1);

    // The agent has the conversation open
    const cookie = await sessionCookie(agent.id);
    const viewing = await call(activityRoute.POST, {
      method: "POST",
      cookie,
      params: { id: String(sent.json.conversationId) },
      body: { viewing: true },
    });
    expect(viewing.status).toBe(200);
    expect((await timeline(token)).messages.map((x: { seen: boolean }) => x.seen)).toEqual([true, true]);
    const events = await db().streamEvent.findMany({ where: { type: "message.seen" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [JSON.parse(e.data).by, e.staffOnly])).toEqual([
      ["customer", false],
      ["agent", false],
    ]);

    // A visitor can't mark someone else's messages
    const other = await visitor();
    expect((await call(seenRoute.POST, { method: "POST", headers: as(other), body: { upTo: messageId } })).status).toBe(
      404,
    );
  });
});
