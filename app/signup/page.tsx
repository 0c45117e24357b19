import type { Metadata } from "next";
import { SignUpForm } from "@/lib/ui/auth/signup-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <main className="centered">
      <SignUpForm />
    </main>
  );
}
