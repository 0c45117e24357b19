import { databaseAnswers } from "@/lib/db/health";
import { route } from "@/lib/gateway/route";

// Liveness: 200 while the process runs, saying whether the database answers (a load balancer wants /api/ready).
export const GET = route(
  { policy: "public", summary: "Liveness: the process answers; whether the database does too" },
  async ({ db }) => {
    const up = await databaseAnswers(db);
    return { ok: up, database: up ? "up" : "unavailable" };
  },
);
