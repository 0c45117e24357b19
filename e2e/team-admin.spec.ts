// A team without SSO: an admin invites an agent by email, the agent chooses a
// password from the link and works; deactivated, their session ends at once.
import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, DEMO_PASSWORD } from "./e2e-env";
import { linkMailedTo, openFromNav, signInWithPassword, uniq } from "./helpers";

test("an admin invites an agent into a team; the agent sets a password from the mailed link and signs in; deactivating them ends their session", async ({
  browser,
  request,
}) => {
  const tag = uniq("inv").split(" ")[1]!;
  const email = `new.agent.${tag}@example.com`;
  const admin = await browser.newPage();
  await signInWithPassword(admin, ADMIN_EMAIL, DEMO_PASSWORD);
  await expect(admin).toHaveURL(/\/inbox/);
  await openFromNav(admin, "Agents and teams");

  const teams = admin.getByRole("form", { name: "Create a team" });
  await teams.getByLabel("New team").fill(`Returns ${tag}`);
  await teams.getByRole("button", { name: "Create team" }).click();
  await expect(admin.getByRole("region", { name: "Teams" })).toContainText(`Returns ${tag}`);

  const invite = admin.getByRole("form", { name: "Invite an agent" });
  await invite.getByLabel("Name").fill(`Nia ${tag}`);
  await invite.getByLabel("Email address").fill("not-an-address");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByText("Enter a valid email address")).toBeVisible();
  await expect(invite.getByLabel("Email address")).toBeFocused();
  await invite.getByLabel("Email address").fill(email);
  await invite.getByLabel(`Returns ${tag}`).check();
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByRole("status")).toHaveText(`Invitation sent to ${email}.`);
  const row = admin.getByRole("table", { name: "Agents" }).getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("invited");

  // The agent opens the mailed link in their own browser.
  const link = await linkMailedTo(email, /invited you/);
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await agent.goto(link);
  await expect(agent.getByRole("heading", { name: "Welcome — choose your password" })).toBeVisible();
  await agent.getByLabel("New password").fill("a long new password");
  await agent.getByLabel(/Repeat/).fill("a long new password");
  await agent.getByRole("button", { name: "Set new password" }).click();
  await expect(agent.getByRole("status")).toContainText("Your password is changed");
  await signInWithPassword(agent, email, "a long new password");
  await expect(agent).toHaveURL(/\/inbox/);
  await expect(agent.getByTestId("signed-in-as")).toHaveText(`Nia ${tag}`);
  await expect(agent.locator("#shell-nav")).toContainText(`Returns ${tag}`);
  await expect(agent.getByTestId("live-status")).toHaveText("Live");

  // Assigned a conversation, they are told at once (over the live stream), and the notification opens it.
  const session = await (
    await request.post("/api/widget/session", { data: { siteKey: "demo", host: "http://localhost:8080/" } })
  ).json();
  const chat = await request.post("/api/widget/messages", {
    headers: { authorization: `Visitor ${session.token}` },
    data: { body: `Question for the new agent ${tag}`, name: "Olga Ortiz" },
  });
  const conversationId = (await chat.json()).conversationId as number;
  await admin.goto(`/inbox/${conversationId}`);
  await admin
    .locator(".controls")
    .getByLabel("Assignee")
    .selectOption({ label: `Nia ${tag}` });
  const bell = agent.getByTestId("notifications-link");
  await expect(bell).toContainText("1");
  await bell.click();
  await agent.getByRole("button", { name: new RegExp(`assigned you — #${conversationId}`) }).click();
  await expect(agent).toHaveURL(new RegExp(`/inbox/${conversationId}$`));
  await expect(bell).not.toContainText("1");
  await admin.goto("/admin/team");

  await admin.reload();
  await expect(row).toContainText("active");
  admin.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("deactivated");

  // Their open page loses its session: the next navigation asks them to sign in.
  await agent.reload();
  await expect(agent).toHaveURL(/\/signin/);
  await agentContext.close();
});
