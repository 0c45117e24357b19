"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api, ApiError } from "../shared/api-client";
import { credentialsSignIn } from "./credentials-sign-in";
import { safeCallback } from "../../shared/safe-callback";
import { FormError } from "../shared/states";

const ERRORS: Record<string, string> = {
  CredentialsSignin: "That email and password don't match an account.",
  SsoRequired: "Agents sign in with single sign-on here: use the button below.",
  OtpInvalid: "That authentication code is not right (or was already used). Try the current one.",
  AccountLocked: "Too many failed attempts: this account is locked for 15 minutes. Try again later.",
  AccessDenied: "Your single sign-on account may not use this helpdesk. Ask an admin.",
  OAuthCallback: "Single sign-on failed. Try again.",
  OAuthSignin: "Single sign-on failed. Try again.",
  Callback: "Single sign-on failed. Try again.",
};

export function SignInForm({ sso, callbackUrl, error }: { sso?: string; callbackUrl?: string; error?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  // Shown once the server says this account needs a second factor.
  const [askOtp, setAskOtp] = useState(false);
  const [otp, setOtp] = useState("");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState(error ? (ERRORS[error] ?? "Sign-in failed. Try again.") : "");
  const target = safeCallback(callbackUrl);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setPending(true);
    setMessage("");
    let res;
    try {
      res = await credentialsSignIn("password", { email, password, ...(askOtp ? { otp } : {}) });
    } catch (err) {
      // e.g. the gateway's "Too many requests. Try again in 42 s."
      setPending(false);
      setMessage(err instanceof ApiError ? err.message : "Sign-in failed. Try again.");
      return;
    }
    if (!res.ok) {
      setPending(false);
      if (res.error === "OtpRequired") {
        setAskOtp(true);
        return;
      }
      setMessage(ERRORS[res.error] ?? "Sign-in failed. Try again.");
      return;
    }
    const me = await api<{ user: { role: string } | null }>("/api/me");
    router.replace(target ?? (me.user?.role === "customer" ? "/portal" : "/inbox"));
    router.refresh();
  };

  return (
    <div className="card auth-card">
      <h1>Sign in</h1>
      {sso && (
        <>
          <button
            type="button"
            className="btn btn-primary btn-block"
            onClick={() => void signIn("oidc", { callbackUrl: target ?? "/inbox" })}
          >
            Sign in with {sso}
          </button>
          <p className="divider">
            <span>or with email</span>
          </p>
        </>
      )}
      <form onSubmit={submit}>
        <label>
          Email
          <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {askOtp && (
          <label>
            Authentication code
            <input
              inputMode="numeric"
              autoComplete="one-time-code"
              autoFocus
              value={otp}
              onChange={(e) => setOtp(e.target.value)}
              placeholder="123456, or a recovery code"
              required
            />
          </label>
        )}
        <FormError message={message} />
        <button type="submit" className="btn btn-primary btn-block" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p className="muted auth-links">
        <a href="/reset-password">Forgot your password?</a>
        <a href={`/signin/email${target ? `?callbackUrl=${encodeURIComponent(target)}` : ""}`}>
          Email me a sign-in link
        </a>
      </p>
      <p className="muted">
        New here? <a href="/signup">Create a customer account</a>
      </p>
    </div>
  );
}
