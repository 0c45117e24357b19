// Normalises how a customer is reached, so the same person on the same channel
// always maps to the same Identity row (unique on kind + value).
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { z } from "zod";
import { badRequest } from "../errors";
import type { TIdentityKind } from "../shared/vocabulary";

export interface IdentityRef {
  kind: TIdentityKind;
  value: string;
}

const ZEmail = z.email();

/** An address we can write to (and store as an email identity). */
export const isEmailAddress = (value: string) => ZEmail.safeParse(value).success;

export function normaliseIdentity(ref: IdentityRef, defaultCountry?: CountryCode): IdentityRef {
  const raw = ref.value.trim();
  switch (ref.kind) {
    case "email": {
      const email = raw.toLowerCase();
      if (!ZEmail.safeParse(email).success) throw badRequest("invalid_identity", `"${raw}" is not an email address`);
      return { kind: "email", value: email };
    }
    case "phone": {
      const phone = parsePhoneNumberFromString(raw, defaultCountry);
      if (!phone || !phone.isPossible()) throw badRequest("invalid_identity", `"${raw}" is not a phone number`);
      return { kind: "phone", value: phone.number };
    }
    case "chat":
    case "sso":
    case "withheld":
      if (!raw) throw badRequest("invalid_identity", `an empty ${ref.kind} identity`);
      return { kind: ref.kind, value: raw };
  }
}
