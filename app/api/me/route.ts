import { route } from "@/lib/gateway/route";

export const GET = route({ policy: "public", summary: "Who am I" }, async ({ caller }) =>
  caller.kind === "user"
    ? { user: { id: caller.id, name: caller.name, email: caller.email, role: caller.role } }
    : { user: null },
);
