import { route } from "@/lib/gateway/route";
import { endOtherSessions, listSessions } from "@/lib/sessions/sessions";

export const GET = route(
  { policy: "signed-in", summary: "My signed-in sessions; sign out everywhere else", scope: "session" },
  async ({ db, caller }) => ({
    sessions: await listSessions(db, caller.id, caller.sessionId),
  }),
);

/** Sign out everywhere else. */
export const DELETE = route(
  { policy: "signed-in", summary: "My signed-in sessions; sign out everywhere else", scope: "session" },
  async ({ db, caller }) => ({
    ended: await endOtherSessions(db, caller.id, caller.sessionId),
  }),
);
