import type { Metadata } from "next";
import { oidcConfig } from "@/lib/env";
import { SignInForm } from "@/lib/ui/auth/signin-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { callbackUrl, error } = await searchParams;
  return (
    <main className="centered">
      <SignInForm sso={oidcConfig()?.name} callbackUrl={callbackUrl} error={error} />
    </main>
  );
}
