"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api, ApiError } from "../shared/api-client";
import { FormError } from "../shared/states";
import { credentialsSignIn } from "./credentials-sign-in";

export function SignUpForm() {
  const router = useRouter();
  const [form, setForm] = useState({ name: "", email: "", password: "" });
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState("");
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setPending(true);
    setMessage("");
    try {
      await api("/api/portal/signup", { method: "POST", body: form });
      const res = await credentialsSignIn("password", { email: form.email, password: form.password });
      if (!res.ok) throw new Error("Your account was created, but signing in failed. Try signing in.");
      router.replace("/portal");
      router.refresh();
    } catch (err) {
      setPending(false);
      setMessage(err instanceof ApiError || err instanceof Error ? err.message : "Sign-up failed.");
    }
  };

  return (
    <form className="card auth-card" onSubmit={submit}>
      <h1>Create your account</h1>
      <label>
        Name
        <input autoComplete="name" value={form.name} onChange={set("name")} required maxLength={200} />
      </label>
      <label>
        Email
        <input type="email" autoComplete="email" value={form.email} onChange={set("email")} required />
      </label>
      <label>
        Password <span className="muted">(at least 10 characters)</span>
        <input
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set("password")}
          required
          minLength={10}
        />
      </label>
      <FormError message={message} />
      <button type="submit" className="btn btn-primary btn-block" disabled={pending}>
        {pending ? "Creating…" : "Create account"}
      </button>
      <p className="muted">
        Have an account? <a href="/signin">Sign in</a>
      </p>
    </form>
  );
}
