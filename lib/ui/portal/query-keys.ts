export const portalKeys = {
  all: ["portal"] as const,
  list: () => [...portalKeys.all, "list"] as const,
  conversation: (id: number) => [...portalKeys.all, "conversation", id] as const,
};
