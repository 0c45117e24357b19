import { databaseAnswers } from "@/lib/db/health";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/gateway/route";

// Readiness, for load balancers: 200 when this instance can serve (its database answers), else 503.
export const GET = route(
  { policy: "public", summary: "Readiness: 200 when the database answers, else 503 (for load balancers)" },
  async ({ db }) => {
    if (!(await databaseAnswers(db))) throw new AppError(503, "database_unavailable", "The database does not answer");
    return { ready: true };
  },
);
