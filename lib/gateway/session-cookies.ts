// The names of next-auth's session cookie, shared by the proxy (which must stay
// light) and the gateway. next-auth splits a large cookie into name.0, name.1 …
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

export function isSessionCookie(name: string): boolean {
  return SESSION_COOKIES.some((n) => name === n || name.startsWith(`${n}.`));
}
