// Mail no person wrote: auto-replies, bulk mail and bounces. They are stored,
// but never reopen a conversation or get an automatic answer — no mail loops.

export type HeaderLookup = (name: string) => string | undefined;

export function isAutomated(header: HeaderLookup, fromAddress: string): boolean {
  const autoSubmitted = header("auto-submitted")?.toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return true;
  const precedence = header("precedence")?.toLowerCase();
  if (precedence && ["bulk", "auto_reply", "junk", "list"].includes(precedence)) return true;
  if (
    header("x-autoreply") ||
    header("x-autorespond") ||
    header("x-auto-response-suppress")?.match(/all|oof|autoreply/i)
  )
    return true;
  if (header("list-id") || header("list-unsubscribe")) return true;
  return /^(mailer-daemon|postmaster|no-?reply)@/i.test(fromAddress);
}

/** A delivery status notification (RFC 3464): multipart/report; report-type=delivery-status. */
export function isBounce(contentType: string | undefined): boolean {
  return !!contentType && /multipart\/report/i.test(contentType) && /delivery-status/i.test(contentType);
}
