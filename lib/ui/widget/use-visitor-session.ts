// Starts (or resumes) this browser's visitor session on the site. The token is
// kept in this frame's localStorage per site, so history survives reloads.
import { useQuery } from "@tanstack/react-query";
import { type Session, type WidgetIdentity, widgetApi, widgetKeys } from "./widget-api";

const storageKey = (siteKey: string) => `omnidesk:visitor:${siteKey}`;

export function useVisitorSession(siteKey: string, host: string, identity?: WidgetIdentity) {
  return useQuery({
    queryKey: widgetKeys.session(siteKey, host, identity),
    queryFn: async () => {
      const kept = window.localStorage.getItem(storageKey(siteKey)) ?? undefined;
      const session = await widgetApi<Session>("/api/widget/session", null, {
        method: "POST",
        body: { siteKey, host, ...(identity ? { identity } : { token: kept }) },
      });
      window.localStorage.setItem(storageKey(siteKey), session.token);
      return session;
    },
    // One session per page: starting again would only hand back the same token.
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
  });
}
