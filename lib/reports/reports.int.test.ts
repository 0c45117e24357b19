// Report counters kept with every change, read back through the reports API,
// and rebuilt from the conversations to the same figures.
import { describe, expect, it } from "vitest";
import * as reports from "@/app/api/reports/route";
import * as exportCsv from "@/app/api/reports/export/route";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/conversations/ingest";
import { reply } from "@/lib/conversations/reply";
import { updateConversation } from "@/lib/conversations/update-conversation";
import { DEFAULT_AUTOMATION, saveAutomation } from "@/lib/automation/config";
import { answerSurvey } from "@/lib/csat/surveys";
import { drainJobs } from "@/lib/jobs/job-runner";
import { slaHandlers } from "@/lib/automation/sla-clock";
import { call, createAgent, sessionCookie } from "@/tests/helpers/factories";
import { reportDay } from "./counters";
import { reportOverview, ZReportQuery } from "./queries";
import { rebuildReportStats } from "./rebuild";

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms);

async function scenario() {
  const alex = await createAgent({ role: "admin", name: "Alex" });
  const sam = await createAgent({ name: "Sam" });
  const team = await db().team.create({ data: { name: "Billing" } });
  await saveAutomation(
    db(),
    {
      csat: { ...DEFAULT_AUTOMATION.csat, enabled: true, throttleDays: 0 },
      sla: {
        businessHours: DEFAULT_AUTOMATION.sla.businessHours,
        warnMinutes: 30,
        policies: [
          {
            id: "p",
            name: "All",
            match: {},
            firstResponseMinutes: 90,
            escalation: { raisePriority: false, notify: false },
          },
        ],
      },
      rules: [
        {
          id: "r",
          name: "bill",
          enabled: true,
          trigger: "conversation.created",
          conditions: { keywords: ["invoice"] },
          actions: { teamId: team.id },
          stop: false,
        },
      ],
    },
    alex.id,
  );
  const open = (channel: "email" | "sms" | "portal", who: string, body: string, at: Date) =>
    ingest(db(), {
      channel,
      providerId: channel === "portal" ? undefined : `${who}-${Math.random()}`,
      from: { identity: channel === "sms" ? { kind: "phone", value: who } : { kind: "email", value: who } },
      body,
      receivedAt: at,
    });
  // 1: email two hours ago, answered by Alex (1 h past the 90-minute target → missed), solved, rated 5
  const a = await open("email", "a@example.test", "invoice wrong", ago(2 * HOUR));
  await db().conversation.update({ where: { id: a.conversationId }, data: { assigneeId: alex.id } });
  await reply(db(), a.conversationId, alex.id, { body: "fixed" });
  await updateConversation(db(), a.conversationId, alex.id, { status: "solved" });
  // 2: SMS 30 minutes ago, answered by Sam in time, solved, rated 3
  const b = await open("sms", "+14155550180", "hello", ago(HOUR / 2));
  await updateConversation(db(), b.conversationId, sam.id, { assigneeId: sam.id });
  await reply(db(), b.conversationId, sam.id, { body: "hi" });
  await updateConversation(db(), b.conversationId, sam.id, { status: "solved" });
  // 3: portal, still waiting (backlog), its timer fires late
  await open("portal", "c@example.test", "invoice question", ago(3 * HOUR));
  await drainJobs(db(), slaHandlers({ secret: process.env.NEXTAUTH_SECRET!, baseUrl: "https://desk.example.test" }));
  const tokens = (
    await db().message.findMany({ where: { body: { contains: "/csat/" } }, orderBy: { conversationId: "asc" } })
  ).map((m) => /\/csat\/(\S+)$/.exec(m.body)![1]!);
  await answerSurvey(db(), tokens[0]!, { rating: 5 });
  await answerSurvey(db(), tokens[1]!, { rating: 3 });
  return { alex, sam, team };
}

describe("reports", () => {
  it("counts what happened: openings per channel and team, responses and resolutions with their times, SLA, CSAT, backlog", async () => {
    const { sam, team } = await scenario();
    const r = await reportOverview(db(), ZReportQuery.parse({}));
    expect(r.totals).toMatchObject({
      created: 3,
      resolved: 2,
      firstResponses: 2,
      slaMet: 1,
      slaBreached: 2,
      csatAnswers: 2,
      csatAverage: 4,
      csatPositiveShare: 0.5,
      backlogNow: 1,
    });
    expect(r.totals.slaAttainment).toBeCloseTo(1 / 3);
    // Medians from the histograms: within 12% of the exact times (30 min and 2 h)
    expect(r.totals.firstResponseMedian! / 1800).toBeGreaterThan(0.88);
    expect(r.totals.firstResponseMedian! / 1800).toBeLessThan(1.12);
    expect(r.totals.firstResponseP90! / 7200).toBeGreaterThan(0.88);
    expect(r.totals.firstResponseP90! / 7200).toBeLessThan(1.12);
    // (Summed over the days: shortly after midnight UTC, the scenario's morning is yesterday.)
    const sum = (f: (d: (typeof r.daily)[number]) => number) => r.daily.reduce((n, d) => n + f(d), 0);
    expect([sum((d) => d.created), sum((d) => d.resolved)]).toEqual([3, 2]);
    expect(r.daily.at(-1)).toMatchObject({ day: reportDay(new Date()), backlog: 1 });
    expect(["email", "sms", "portal"].map((c) => sum((d) => d.byChannel[c] ?? 0))).toEqual([1, 1, 1]);
    expect(r.daily).toHaveLength(30);
    expect(r.daily[0]!.backlog).toBe(0);
    expect(r.agents.map((a) => [a.name, a.resolved, a.firstResponses, a.csatAverage])).toEqual([
      ["Alex", 1, 1, 5],
      ["Sam", 1, 1, 3],
    ]);
    expect(r.teams.find((t) => t.teamId === team.id)).toMatchObject({ name: "Billing", created: 2 });
    // Filters narrow every figure
    const sms = await reportOverview(db(), ZReportQuery.parse({ channel: "sms" }));
    expect(sms.totals).toMatchObject({ created: 1, resolved: 1, backlogNow: 0, csatAverage: 3 });
    const bySam = await reportOverview(db(), ZReportQuery.parse({ agent: sam.id }));
    expect(bySam.totals).toMatchObject({ resolved: 1, firstResponses: 1 });
    expect(bySam.daily.at(-1)!.backlog).toBeNull();
  });

  it("rebuilds the same counters from the conversations", async () => {
    await scenario();
    const before = await reportOverview(db(), ZReportQuery.parse({}));
    await rebuildReportStats(db());
    expect(await reportOverview(db(), ZReportQuery.parse({}))).toEqual(before);
  });

  it("serves the API and every table as CSV, audited, with formula cells defused", async () => {
    const { alex } = await scenario();
    await db().user.update({ where: { id: alex.id }, data: { name: "=HYPERLINK(1)" } });
    const cookie = await sessionCookie(alex.id);
    const json = await call(reports.GET, { cookie, path: "/api/reports?channel=email" });
    expect(json.status).toBe(200);
    expect(json.json.totals.created).toBe(1);
    const csv = await call(exportCsv.GET, { cookie, path: "/api/reports/export?table=agents" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="omnidesk-agents-/);
    const lines = csv.text.trim().split("\r\n");
    expect(lines[0]).toMatch(/^agent_id,agent,created,resolved,first_responses,first_response_median_s,/);
    expect(lines.find((l) => l.includes("HYPERLINK"))).toContain(",'=HYPERLINK(1),");
    for (const table of ["daily", "channels", "teams"]) {
      const res = await call(exportCsv.GET, { cookie, path: `/api/reports/export?table=${table}` });
      expect(res.status).toBe(200);
      expect(res.text.split("\r\n").length).toBeGreaterThan(2);
    }
    expect(await db().auditEvent.count({ where: { action: "report.exported", actorUserId: alex.id } })).toBe(4);
    const badRange = await call(reports.GET, { cookie, path: "/api/reports?from=2026-12-01&to=2026-01-01" });
    expect(badRange.status).toBe(400);
    expect(badRange.json.error.code).toBe("invalid_range");
  });
});
