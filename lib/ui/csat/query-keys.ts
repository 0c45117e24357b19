export const csatKeys = {
  survey: (token: string) => ["csat", token] as const,
};
