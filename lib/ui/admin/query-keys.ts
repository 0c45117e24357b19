export const adminKeys = {
  all: ["admin"] as const,
  ivr: () => [...adminKeys.all, "ivr"] as const,
  mailboxes: () => [...adminKeys.all, "mailboxes"] as const,
};
