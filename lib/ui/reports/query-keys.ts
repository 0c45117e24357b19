export const reportKeys = {
  all: ["reports"] as const,
  overview: (filters: object) => [...reportKeys.all, filters] as const,
};
