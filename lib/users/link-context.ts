import { emailConfig, env } from "../env";
import type { LinkContext } from "./email-links";

/** What the email-link flows need from configuration. */
export function linkContext(): LinkContext {
  const e = env();
  return {
    baseUrl: e.NEXTAUTH_URL,
    secret: e.NEXTAUTH_SECRET,
    passwordSignIn: e.PASSWORD_SIGNIN,
    productName: emailConfig().fromName,
  };
}
