import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/conversations/ingest";
import { reply } from "@/lib/conversations/reply";
import { updateConversation } from "@/lib/conversations/update-conversation";
import { DEFAULT_AUTOMATION, saveAutomation } from "@/lib/automation/config";
import * as survey from "@/app/api/csat/[token]/route";
import { call, createAgent } from "@/tests/helpers/factories";
import { answerSurvey, surveyForToken } from "./surveys";

async function setup(throttleDays = 7) {
  const agent = await createAgent({ role: "admin", name: "Alex" });
  await saveAutomation(db(), { csat: { ...DEFAULT_AUTOMATION.csat, enabled: true, throttleDays } }, agent.id);
  return agent;
}

const solve = (id: number, by: string) => updateConversation(db(), id, by, { status: "solved" });
const surveyMessages = (conversationId: number) =>
  db().message.findMany({ where: { conversationId, automated: true, body: { contains: "/csat/" } } });
const tokenOf = (body: string) => /\/csat\/(\S+)$/.exec(body)![1]!;

describe("satisfaction surveys", () => {
  it("goes out once on the customer's channel when solved, and the answer lands on the conversation", async () => {
    const agent = await setup();
    const r = await ingest(db(), {
      channel: "sms",
      providerId: "SMcsat1",
      from: { identity: { kind: "phone", value: "+14155550170" } },
      body: "help",
    });
    await reply(db(), r.conversationId, agent.id, { body: "Done!" });
    await solve(r.conversationId, agent.id);
    const [m, ...more] = await surveyMessages(r.conversationId);
    expect(more).toEqual([]);
    expect(m).toMatchObject({ channel: "sms", direction: "outbound", automated: true, deliveryStatus: "queued" });
    expect(m!.body).toMatch(
      new RegExp(`^How did we do with #${r.conversationId}\\? Rate us here: https://desk\\.example\\.test/csat/\\S+$`),
    );
    // Reopened and solved again: still one survey for the conversation
    await updateConversation(db(), r.conversationId, agent.id, { status: "open" });
    await solve(r.conversationId, agent.id);
    expect(await surveyMessages(r.conversationId)).toHaveLength(1);

    const token = tokenOf(m!.body);
    expect(await surveyForToken(db(), token)).toMatchObject({ reference: `#${r.conversationId}`, rating: null });
    const answered = await call(survey.POST, {
      method: "POST",
      params: { token },
      body: { rating: 2, comment: "Slow" },
    });
    expect(answered.status).toBe(200);
    const stored = await db().csatSurvey.findUniqueOrThrow({ where: { conversationId: r.conversationId } });
    expect(stored).toMatchObject({ rating: 2, comment: "Slow", channel: "sms" });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "csat.answered" } });
    expect(JSON.parse(event.data)).toEqual({ rating: 2, comment: "Slow", changed: false });
    // Changing the answer moves the counters, not adds to them
    await answerSurvey(db(), token, { rating: 5 });
    const totals = await db().reportDaily.aggregate({
      where: { scope: 0, day: { startsWith: "20" } }, // day rows (month rows start with "m")
      _sum: { csatAnswers: true, csatSum: true, csatPositive: true },
    });
    expect(totals._sum).toEqual({ csatAnswers: 1, csatSum: 5, csatPositive: 1 });
  });

  it("asks a customer at most once within the throttle window, and not at all when their channel can't carry it", async () => {
    const agent = await setup(7);
    const first = await ingest(db(), {
      channel: "email",
      providerId: "<c1@x>",
      from: { identity: { kind: "email", value: "pat@example.test" } },
      body: "one",
    });
    await solve(first.conversationId, agent.id);
    const second = await ingest(db(), {
      channel: "email",
      providerId: "<c2@x>",
      from: { identity: { kind: "email", value: "pat@example.test" } },
      body: "two",
      newConversation: true,
    });
    await solve(second.conversationId, agent.id);
    expect(await surveyMessages(first.conversationId)).toHaveLength(1);
    expect(await surveyMessages(second.conversationId)).toHaveLength(0);
    // A withheld caller: no number to text, so no survey
    const call1 = await ingest(db(), {
      channel: "voice",
      providerId: "call-CAx",
      from: { identity: { kind: "withheld", value: "call:CAx" } },
      body: "Phone call",
    });
    await solve(call1.conversationId, agent.id);
    expect(await db().csatSurvey.count({ where: { conversationId: call1.conversationId } })).toBe(0);
  });

  it("answers unknown tokens and bad ratings with clear errors", async () => {
    await setup();
    const unknown = await call(survey.GET, { params: { token: "x".repeat(32) } });
    expect(unknown.status).toBe(404);
    const bad = await call(survey.POST, { method: "POST", params: { token: "x".repeat(32) }, body: { rating: 9 } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json.error.details)).toContain("Pick 1 to 5");
  });
});
