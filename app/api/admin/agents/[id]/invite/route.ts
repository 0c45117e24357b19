import { ZIdParams } from "@/lib/gateway/params";
import { route } from "@/lib/gateway/route";
import { linkContext } from "@/lib/users/link-context";
import { resendInvite } from "@/lib/users/team-admin";

export const POST = route(
  { policy: "admin", summary: "Send an agent's invitation again", params: ZIdParams },
  async ({ db, caller, params }) => {
    await resendInvite(db, caller, params.id, linkContext());
    return { ok: true };
  },
);
