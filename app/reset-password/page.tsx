import type { Metadata } from "next";
import { EmailLinkRequest, NewPasswordForm } from "@/lib/ui/auth/email-link-forms";

export const metadata: Metadata = { title: "Reset your password" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; invite?: string }>;
}) {
  const { token, invite } = await searchParams;
  return (
    <main className="centered">
      {token ? (
        <NewPasswordForm token={token} invited={invite === "1"} />
      ) : (
        <EmailLinkRequest
          title="Reset your password"
          intro="Enter the address you sign in with; we'll email you a link to choose a new password."
          endpoint="/api/account/password-reset"
          button="Email me a reset link"
        />
      )}
    </main>
  );
}
