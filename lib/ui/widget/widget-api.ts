// The widget's client for the visitor API: the visitor token goes in the
// Authorization header (a third-party frame may not keep cookies). Types come
// from the server functions the routes return, as JSON.
import type { ChatSession, visitorTimeline, ZChatSession } from "@/lib/channels/chat/visitor-chat";
import type { z } from "zod";
import { ApiError, type Json } from "../shared/api-client";

export type Session = ChatSession;
export type Timeline = Json<Awaited<ReturnType<typeof visitorTimeline>>>;
export type ChatMessage = Timeline["messages"][number];
export type ChatImage = ChatMessage["images"][number];
export type WidgetIdentity = NonNullable<z.input<typeof ZChatSession>["identity"]>;

export const widgetKeys = {
  all: ["widget"] as const,
  session: (siteKey: string, host: string, identity?: WidgetIdentity) =>
    [...widgetKeys.all, siteKey, "session", host, identity?.userId ?? null] as const,
  timeline: (siteKey: string) => [...widgetKeys.all, siteKey, "timeline"] as const,
  image: (storageKey: string) => [...widgetKeys.all, "image", storageKey] as const,
};

/** A call to the widget API as this visitor: a JSON `body`, or a `file` sent as it is (its name in X-Filename). */
export async function widgetApi<T>(
  path: string,
  token: string | null,
  init: { method?: string; body?: unknown; file?: File } = {},
): Promise<T> {
  const res = await widgetFetch(path, token, init);
  const data = await res.json().catch(() => undefined);
  if (!res.ok)
    throw new ApiError(res.status, data?.error?.code ?? "http_error", data?.error?.message ?? "Something went wrong");
  return data as T;
}

/** The same request, answered as it came (for images). */
export function widgetFetch(
  path: string,
  token: string | null,
  init: { method?: string; body?: unknown; file?: File } = {},
): Promise<Response> {
  const { file } = init;
  return fetch(path, {
    method: init.method ?? "GET",
    headers: {
      ...(token ? { authorization: `Visitor ${token}` } : {}),
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(file
        ? { "content-type": file.type || "application/octet-stream", "x-filename": encodeURIComponent(file.name) }
        : {}),
    },
    body: file ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  }).catch(() => {
    throw new ApiError(0, "network_error", "Can't reach us right now. Check your connection.");
  });
}

/** The message of an error for the visitor: the server's words, or `fallback`. */
export const errorText = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);
