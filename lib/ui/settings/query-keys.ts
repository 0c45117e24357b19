export const settingsKeys = {
  twoFactor: () => ["settings", "two-factor"] as const,
  sessions: () => ["settings", "sessions"] as const,
  tokens: () => ["settings", "tokens"] as const,
};
