import type { Metadata } from "next";
import { LinkSignIn } from "@/lib/ui/auth/email-link-forms";

export const metadata: Metadata = { title: "Sign in" };

export default async function LinkSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; callbackUrl?: string }>;
}) {
  const { token, callbackUrl } = await searchParams;
  return (
    <main className="centered">
      {token ? (
        <LinkSignIn token={token} callbackUrl={callbackUrl} />
      ) : (
        <div className="card auth-card">
          <h1>This link is incomplete</h1>
          <p>
            Open the whole link from the mail, or <a href="/signin/email">ask for a new one</a>.
          </p>
        </div>
      )}
    </main>
  );
}
