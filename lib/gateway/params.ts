import { z } from "zod";

/** `[id]` segments that name a conversation. */
export const ZConversationParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** `[id]` segments that name a row by its cuid (customers, views, identities). */
export const ZIdParams = z.object({ id: z.string().min(1).max(64) });
