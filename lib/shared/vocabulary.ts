// The fixed sets of values the model uses. Stored as strings (see schema.prisma).
import { z } from "zod";

export const CHANNELS = ["portal", "chat", "email", "sms", "voice", "api"] as const;
export const ZChannel = z.enum(CHANNELS);
export type TChannel = z.infer<typeof ZChannel>;

export const STATUSES = ["new", "open", "pending", "solved", "closed"] as const;
export const ZStatus = z.enum(STATUSES);
export type TStatus = z.infer<typeof ZStatus>;

export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const ZPriority = z.enum(PRIORITIES);
export type TPriority = z.infer<typeof ZPriority>;

/** "withheld" is a caller who hid their number: one identity per call, joined to nobody. */
export const IDENTITY_KINDS = ["email", "phone", "chat", "sso", "withheld"] as const;
export const ZIdentityKind = z.enum(IDENTITY_KINDS);
export type TIdentityKind = z.infer<typeof ZIdentityKind>;

export type TDirection = "inbound" | "outbound" | "note";
export type TDeliveryStatus = "received" | "queued" | "sent" | "delivered" | "failed" | "internal";

export const ROLES = ["admin", "agent", "customer"] as const;
export type TRole = (typeof ROLES)[number];

/** What counts as open work: against an agent's capacity, and in the backlog. */
export const OPEN_STATUSES: TStatus[] = ["new", "open", "pending"];

/** A customer writing on a conversation in these states reopens it. */
export const REOPENED_BY_CUSTOMER: readonly TStatus[] = ["pending", "solved"];
