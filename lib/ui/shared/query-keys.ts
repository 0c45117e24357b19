// Keys of what every agent page shares: my presence, a conversation's live activity.
export const sharedKeys = {
  presence: () => ["me", "presence"] as const,
  activity: (conversationId: number) => ["activity", conversationId] as const,
};
