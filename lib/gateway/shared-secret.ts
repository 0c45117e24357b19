import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors";

/** Compares in constant time (over hashes, so lengths don't leak either). */
export function verifySharedSecret(given: string | null, expected: string | undefined): void {
  if (!expected) throw new AppError(503, "webhook_not_configured", "This webhook is off: its secret is not configured");
  if (!given) throw new AppError(401, "missing_secret", "X-Webhook-Secret is required");
  const digest = (v: string) => createHash("sha256").update(v).digest();
  if (!timingSafeEqual(digest(given), digest(expected))) {
    throw new AppError(403, "invalid_secret", "X-Webhook-Secret does not match");
  }
}
