// Password sign-in as next-auth runs it: the credentials provider's own authorize().
import { authOptions } from "@/lib/auth/options";
import { env, type Env } from "@/lib/env";

type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;

export function passwordSignIn(settings: Partial<Env> = {}, headers: Record<string, string> = {}) {
  const provider = authOptions({ ...env(), ...settings }).providers[0] as unknown as {
    options: { authorize: Authorize };
  };
  return (email: string, password: string, otp?: string) =>
    provider.options.authorize({ email, password, ...(otp ? { otp } : {}) }, { headers });
}
