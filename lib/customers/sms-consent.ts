// SMS consent. Twilio answers the standard keywords itself (and sends OptOutType
// with Advanced Opt-Out); we record the state so no reply goes to a number that said STOP.
import type { Db, Tx } from "../db/client";
import { recordEvent } from "../audit/record-event";
import { conflict } from "../errors";

const STOP_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"]);
const START_WORDS = new Set(["START", "YES", "UNSTOP", "OPTIN"]);

/** What an inbound SMS says about consent: Twilio's OptOutType wins over our own keyword match. */
export function consentChange(body: string, optOutType?: string): "stop" | "start" | undefined {
  if (optOutType === "STOP") return "stop";
  if (optOutType === "START") return "start";
  if (optOutType) return undefined; // HELP
  const word = body.trim().toUpperCase();
  if (STOP_WORDS.has(word)) return "stop";
  if (START_WORDS.has(word)) return "start";
  return undefined;
}

export async function setSmsConsent(db: Db, phone: string, change: "stop" | "start", conversationId?: number) {
  await db.$transaction(async (tx) => {
    const updated = await tx.identity.updateMany({
      where: { kind: "phone", value: phone },
      data: { optedOutAt: change === "stop" ? new Date() : null },
    });
    if (updated.count) {
      await recordEvent(tx, {
        action: change === "stop" ? "sms.opted_out" : "sms.opted_in",
        conversationId,
        data: { phone },
      });
    }
  });
}

/** The number to text a customer on: their newest phone identity that has not opted out. */
export async function smsRecipient(db: Db | Tx, customerId: string) {
  const phones = await db.identity.findMany({
    where: { customerId, kind: "phone" },
    orderBy: { createdAt: "desc" },
    select: { value: true, optedOutAt: true },
  });
  const reachable = phones.find((p) => !p.optedOutAt);
  return { phone: reachable?.value, hasPhone: phones.length > 0 };
}

/**
 * The number to text a customer on, or a 409 saying why there is none — `otherwise` tells the agent what
 * to do instead ("Reply on another channel.").
 */
export async function requireSmsRecipient(db: Db | Tx, customerId: string, otherwise: string): Promise<string> {
  const { phone, hasPhone } = await smsRecipient(db, customerId);
  if (phone) return phone;
  throw conflict(
    "sms_unreachable",
    `${hasPhone ? "This customer opted out of SMS (they texted STOP)." : "This customer has no phone number."} ${otherwise}`,
  );
}
