import { route } from "@/lib/gateway/route";

export const GET = route({ policy: "public", summary: "Liveness, including the database" }, async ({ db }) => {
  await db.$queryRawUnsafe("SELECT 1");
  return { ok: true };
});
