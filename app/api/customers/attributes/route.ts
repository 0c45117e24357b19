import { z } from "zod";
import { loadAttributeDefinitions, saveAttributeDefinitions, ZAttributeDefinitions } from "@/lib/customers/profile";
import { route } from "@/lib/gateway/route";

const summary = "The custom attributes customers have (text, number, date, list): read; replace";

export const GET = route({ policy: "agent", summary, scope: "customers:read" }, async ({ db }) => ({
  definitions: await loadAttributeDefinitions(db),
}));

export const PUT = route(
  { policy: "admin", summary, body: z.strictObject({ definitions: ZAttributeDefinitions }) },
  async ({ db, caller, body }) => ({
    definitions: await saveAttributeDefinitions(db, body.definitions, caller.id),
  }),
);
