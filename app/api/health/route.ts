import { route } from "@/lib/gateway/route";

export const GET = route({ policy: "public" }, async ({ db }) => {
  await db.$queryRawUnsafe("SELECT 1");
  return { ok: true };
});
