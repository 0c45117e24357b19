"use client";
// The pages behind links we email: ask for a link (reset or sign-in), choose a
// new password, and sign in with a link. Opening a link does nothing by
// itself — a mail scanner that follows it must not spend it — the button does.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useHydrated } from "../shared/use-hydrated";
import { api, ApiError } from "../shared/api-client";
import { FormError } from "../shared/states";
import { credentialsSignIn } from "./credentials-sign-in";
import { safeCallback } from "../../shared/safe-callback";

const errorText = (err: unknown) => (err instanceof ApiError ? err.message : "Something went wrong. Try again.");

/** An email field that asks the server to mail a link; the answer is the same for every address. */
export function EmailLinkRequest({
  title,
  intro,
  endpoint,
  button,
  callbackUrl,
}: {
  title: string;
  intro: string;
  endpoint: "/api/account/password-reset" | "/api/account/sign-in-link";
  button: string;
  callbackUrl?: string;
}) {
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const [sent, setSent] = useState("");
  const [message, setMessage] = useState("");

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // Read from the form, not React state: what was typed before the page hydrated counts too.
    const email = String(new FormData(e.currentTarget).get("email") ?? "");
    setPending(true);
    setMessage("");
    try {
      const target = safeCallback(callbackUrl);
      const res = await api<{ message: string }>(endpoint, {
        method: "POST",
        body: { email, ...(target ? { callbackUrl: target } : {}) },
      });
      setSent(res.message);
    } catch (err) {
      setMessage(errorText(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="card auth-card">
      <h1>{title}</h1>
      {sent ? (
        <p role="status">{sent} Check your inbox (and the spam folder).</p>
      ) : (
        <form onSubmit={submit}>
          <p className="muted">{intro}</p>
          <label>
            Email
            <input type="email" name="email" autoComplete="email" required />
          </label>
          <FormError message={message} />
          <button type="submit" className="btn btn-primary btn-block" disabled={pending || !hydrated}>
            {pending ? "Sending…" : button}
          </button>
        </form>
      )}
      <p className="muted">
        <a href="/signin">Back to sign-in</a>
      </p>
    </div>
  );
}

export function NewPasswordForm({ token, invited = false }: { token: string; invited?: boolean }) {
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const [done, setDone] = useState(false);
  const [message, setMessage] = useState("");

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password !== form.get("repeat")) {
      setMessage("The two passwords differ.");
      return;
    }
    setPending(true);
    setMessage("");
    try {
      await api("/api/account/password-reset/confirm", { method: "POST", body: { token, password } });
      setDone(true);
    } catch (err) {
      setMessage(errorText(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="card auth-card">
      <h1>{invited ? "Welcome — choose your password" : "Choose a new password"}</h1>
      {done ? (
        <p role="status">
          Your password is changed and every session of your account was signed out. <a href="/signin">Sign in</a> with
          the new password.
        </p>
      ) : (
        <form onSubmit={submit}>
          <label>
            New password <span className="muted">(at least 10 characters)</span>
            <input type="password" name="password" autoComplete="new-password" required minLength={10} />
          </label>
          <label>
            Repeat it
            <input type="password" name="repeat" autoComplete="new-password" required />
          </label>
          <FormError message={message} />
          <button type="submit" className="btn btn-primary btn-block" disabled={pending || !hydrated}>
            {pending ? "Saving…" : "Set new password"}
          </button>
        </form>
      )}
    </div>
  );
}

export function LinkSignIn({ token, callbackUrl }: { token: string; callbackUrl?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const [message, setMessage] = useState("");

  const go = async () => {
    setPending(true);
    setMessage("");
    try {
      const res = await credentialsSignIn("email-link", { token });
      if (!res.ok) {
        setMessage("This link has expired or was already used. Ask for a new one below.");
        setPending(false);
        return;
      }
      router.replace(safeCallback(callbackUrl) ?? "/portal");
      router.refresh();
    } catch (err) {
      setMessage(errorText(err));
      setPending(false);
    }
  };

  return (
    <div className="card auth-card">
      <h1>Sign in with your email link</h1>
      <p className="muted">The link works once, for 15 minutes after it was sent.</p>
      <FormError message={message} />
      <button
        type="button"
        className="btn btn-primary btn-block"
        disabled={pending || !hydrated}
        onClick={() => void go()}
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
      <p className="muted">
        <a href="/signin/email">Send me a new link</a>
      </p>
    </div>
  );
}
