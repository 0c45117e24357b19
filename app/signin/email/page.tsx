import type { Metadata } from "next";
import { EmailLinkRequest } from "@/lib/ui/auth/email-link-forms";

export const metadata: Metadata = { title: "Sign in by email" };

export default async function EmailSignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <main className="centered">
      <EmailLinkRequest
        title="Sign in by email"
        intro="No password needed: we'll email you a link that signs you in. New here? The link creates your account."
        endpoint="/api/account/sign-in-link"
        button="Email me a sign-in link"
        callbackUrl={callbackUrl}
      />
    </main>
  );
}
