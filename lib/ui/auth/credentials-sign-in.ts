// Signs in with one of our credentials providers the way next-auth's signIn()
// does (CSRF token, form POST, JSON answer), but keeps the gateway's own errors:
// next-auth's client throws on a 429, where people should read how long to wait.
import { getCsrfToken } from "next-auth/react";
import { ApiError } from "../shared/api-client";

export type SignInOutcome = { ok: true } | { ok: false; error: string };

export async function credentialsSignIn(
  provider: "password" | "email-link",
  fields: Record<string, string>,
): Promise<SignInOutcome> {
  let res: Response;
  try {
    const csrfToken = (await getCsrfToken()) ?? "";
    res = await fetch(`/api/auth/callback/${provider}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
      body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: window.location.href, json: "true" }),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network_error", "Can't reach the server. Check your connection and try again.");
  }
  const data = (await res.json().catch(() => undefined)) as
    { url?: string; error?: { code?: string; message?: string } } | undefined;
  if (data?.error)
    throw new ApiError(res.status, data.error.code ?? "http_error", data.error.message ?? "Sign-in failed");
  const error = data?.url ? new URL(data.url, window.location.origin).searchParams.get("error") : "Callback";
  return error ? { ok: false, error } : { ok: true };
}
