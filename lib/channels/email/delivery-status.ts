// The machine-readable part of a delivery status notification (RFC 3464): one
// block of fields for the report, then one per recipient with its Action
// (failed, delayed, delivered, relayed, expanded), Status (5.1.1, 4.4.1 …),
// Final-Recipient and, often, the remote server's Diagnostic-Code.

export interface RecipientStatus {
  action: string;
  status?: string;
  recipient?: string;
  diagnostic?: string;
}

export function readDeliveryStatus(text: string): RecipientStatus[] {
  const unfolded = text.replace(/\r?\n[ \t]+/g, " ");
  return unfolded.split(/\r?\n\s*\r?\n/).flatMap((block): RecipientStatus[] => {
    const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(block)?.[1]?.trim();
    const typed = (value: string | undefined) => value?.replace(/^[\w-]+;\s*/, "");
    const action = field("action")?.toLowerCase();
    if (!action) return [];
    return [
      {
        action,
        status: field("status"),
        recipient: typed(field("final-recipient") ?? field("original-recipient")),
        diagnostic: typed(field("diagnostic-code")),
      },
    ];
  });
}
