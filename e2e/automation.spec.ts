import { expect, test } from "@playwright/test";
import { inboundSms, sid } from "../tests/helpers/twilio";
import { ADMIN_EMAIL, APP_URL, DEMO_PASSWORD } from "./e2e-env";
import { postAsTwilio, sentMail, signInWithPassword, openFromNav, setInboxFilter } from "./helpers";

// The SLA below is one minute long and the journey waits for it to run out.
test.setTimeout(180_000);

test("an admin builds a routing rule, an SLA and round-robin for a team; a new SMS is routed and assigned, the missed SLA escalates, the customer answers the survey and the report shows it", async ({
  browser,
  request,
}) => {
  const word = `zq${Date.now().toString(36)}`;
  const admin = await (await browser.newContext()).newPage();
  await signInWithPassword(admin, ADMIN_EMAIL, DEMO_PASSWORD);
  await expect(admin).toHaveURL(/\/inbox/);
  await openFromNav(admin, "Automation");
  await expect(admin.getByRole("heading", { name: "Automation", level: 1 })).toBeVisible();

  // A rule: SMS mentioning the word → team Billing, priority high, tag "billing"
  const ruleForm = admin.getByRole("form", { name: "Add a routing rule" });
  await ruleForm.getByLabel("Rule name").fill(`Billing texts ${word}`);
  await ruleForm.getByRole("checkbox", { name: "sms" }).check();
  await ruleForm.getByLabel(/^Keywords/).fill(`${word}, invoice please`);
  await ruleForm.getByLabel("Set team").selectOption({ label: "Billing" });
  await ruleForm.getByLabel("Set priority").selectOption("high");
  await ruleForm.getByLabel(/^Add tags/).fill("billing");
  await ruleForm.getByRole("button", { name: "Add rule" }).click();
  const rule = admin.getByTestId("routing-rule").filter({ hasText: `Billing texts ${word}` });
  await expect(rule).toContainText("team Billing, priority high, tag billing");

  // A rule without actions is refused with the reason, and nothing is saved
  await ruleForm.getByLabel("Rule name").fill("Does nothing");
  await ruleForm.getByRole("button", { name: "Add rule" }).click();
  await expect(ruleForm.getByRole("alert")).toContainText("at least one action");
  await expect(admin.getByTestId("routing-rule").filter({ hasText: "Does nothing" })).toHaveCount(0);

  // An SLA for the Billing team: first response within one minute; a miss raises the priority and mails the assignee
  const slaForm = admin.getByRole("form", { name: "Add an SLA policy" });
  await slaForm.getByLabel("Policy name").fill(`Billing one minute ${word}`);
  await slaForm.getByLabel("For team").selectOption({ label: "Billing" });
  await slaForm.getByLabel("First response (business minutes)").fill("1");
  await slaForm.getByRole("checkbox", { name: "Raise the priority" }).check();
  await slaForm.getByRole("button", { name: "Add policy" }).click();
  await expect(admin.getByTestId("sla-policy").filter({ hasText: `Billing one minute ${word}` })).toContainText(
    "first response 1 min",
  );

  // Round-robin in Billing (Sam is its agent)
  const assignment = admin.getByRole("form", { name: "Auto-assignment" });
  await assignment.getByLabel("Billing assignment").selectOption("round_robin");
  await assignment.getByLabel("Billing capacity").fill("5");
  await assignment.getByRole("button", { name: "Save assignment" }).click();
  await expect(assignment.getByRole("status")).toHaveText("Saved.");

  // Satisfaction surveys on
  const surveys = admin.getByRole("form", { name: "Satisfaction surveys" });
  await surveys.getByRole("checkbox", { name: "Send surveys" }).check();
  await surveys.getByRole("button", { name: "Save surveys" }).click();
  await expect(surveys.getByRole("status")).toHaveText("Saved.");

  // Sam is online: his dashboard holds the live stream
  const sam = await (await browser.newContext()).newPage();
  await signInWithPassword(sam, "sam@demo.test", DEMO_PASSWORD);
  await expect(sam).toHaveURL(/\/inbox/);
  await expect(sam.getByTestId("live-status")).toHaveText("Live");

  // A customer texts about an invoice
  const phone = `+1415557${String(Math.floor(Math.random() * 9000) + 1000)}`;
  const res = await postAsTwilio(
    request,
    `${APP_URL}/api/twilio/sms`,
    inboundSms({ From: phone, Body: `Hi, about ${word} from last month`, MessageSid: sid("SM") }),
  );
  expect(res.status()).toBe(200);

  // It reaches Sam's inbox by itself: routed, assigned to him, due within the minute
  await setInboxFilter(sam, "Assignee", "me");
  const item = sam.getByRole("link", { name: new RegExp(word) });
  await expect(item).toBeVisible();
  await expect(item.getByTestId("sla-due")).toHaveAttribute("data-state", "soon");
  await expect(item).toContainText("high");
  await expect(item).toContainText("billing");
  await item.click();
  await expect(sam.locator(".controls").getByLabel("Assignee").locator("option:checked")).toHaveText(
    "Sam Support (me)",
  );
  await expect(sam.getByText(`Routed by “Billing texts ${word}”`)).toBeVisible();
  await expect(sam.getByText("Auto-assignment assigned to Sam Support")).toBeVisible();
  const conversationId = Number(/\/inbox\/(\d+)/.exec(sam.url())![1]);

  // Nobody answers: a minute later the SLA is missed — priority raised, breach on the timeline and in the inbox
  await expect(sam.getByText(/^SLA missed: first response/)).toBeVisible({ timeout: 90_000 });
  await expect(sam.getByTestId("sla-summary")).toContainText("1 SLA target missed");
  await expect(item).toContainText("urgent");
  await expect(item.getByTestId("sla-due")).toHaveAttribute("data-state", "breached");
  await expect(item.getByTestId("sla-due")).toContainText("Overdue");
  await expect
    .poll(
      async () =>
        (await sentMail((m) => m.to.includes("sam@demo.test") && !!m.subject?.includes(`#${conversationId}`)))?.subject,
    )
    .toMatch(/^SLA breached/);

  // Sam answers: the first-response clock stops
  await sam.getByLabel("Reply to the customer").fill("Sorry for the wait, checking your invoice now.");
  await sam.getByRole("button", { name: "Send reply" }).click();
  await expect(sam.getByTestId("sla-summary")).not.toContainText("First response:");

  // Solved: the customer gets a survey by SMS, answers it in a browser, and the rating lands on the conversation
  await sam.locator(".controls").getByLabel("Status").selectOption("solved");
  const surveyText = sam.getByTestId("timeline-message").filter({ hasText: "How did we do with" });
  await expect(surveyText).toBeVisible();
  const link = /https?:\/\/\S+\/csat\/\S+/.exec((await surveyText.innerText()).replace(/\s+/g, " "))![0];
  const customer = await (await browser.newContext()).newPage();
  await customer.goto(link);
  await expect(customer.getByRole("heading", { name: "How did we do?" })).toBeVisible();
  await customer.getByRole("button", { name: "4 of 5: Good" }).click();
  await customer.getByLabel(/Anything to add/).fill("Quick once you answered");
  await customer.getByRole("button", { name: "Send" }).click();
  await expect(customer.getByRole("status")).toHaveText("Thank you for your feedback!");
  await expect(
    sam.getByText("The customer rated this conversation ★★★★☆ (4/5): “Quick once you answered”"),
  ).toBeVisible();

  // The report shows it: Billing's numbers, Sam's row, charts, and the table as CSV
  await openFromNav(sam, "Reports");
  await expect(sam.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  // (Scoped to the filters: the "By team" table is labelled too.)
  await sam.getByRole("group", { name: "Report filters" }).getByLabel("Team").selectOption({ label: "Billing" });
  await expect(sam).toHaveURL(/team=/);
  const kpis = sam.getByRole("definition");
  await expect(sam.getByLabel("Totals")).toContainText("CSAT4.0 / 5 (1)");
  await expect(kpis.first()).toHaveText("1");
  const agents = sam.getByRole("table", { name: "By agent" });
  await expect(agents.getByRole("row", { name: /Sam Support/ })).toContainText("4.0 / 5 (1)");
  await expect(sam.getByRole("table", { name: "By team" }).getByRole("row", { name: /Billing/ })).toContainText("0%");
  await expect(sam.getByTestId("chart-created").locator(".recharts-bar-rectangle").first()).toBeVisible();
  // (Billing's backlog is 0 every day, so its line is flat along the axis: present, not measurable by size.)
  await expect(sam.getByTestId("chart-backlog").locator(".recharts-line-curve")).toHaveCount(1);
  await expect(sam.getByTestId("chart-backlog").locator(".recharts-legend-wrapper")).toContainText("Backlog");
  const download = sam.waitForEvent("download");
  await sam
    .getByRole("heading", { name: /By agent/ })
    .getByRole("link", { name: "CSV" })
    .click();
  const csv = await (await (await download).createReadStream()).toArray();
  expect(Buffer.concat(csv).toString("utf8")).toMatch(/^agent_id,agent,created,resolved,[^]*,Sam Support,0,1,1,/);
});
