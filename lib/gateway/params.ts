import { z } from "zod";

/** `[id]` segments that name a conversation. */
export const ZConversationParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
