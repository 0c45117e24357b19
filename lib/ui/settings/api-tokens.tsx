"use client";
import { useState } from "react";
import type { Scope } from "@/lib/tokens/api-tokens";
import { formatTime } from "../shared/format";
import { FormError } from "../shared/states";
import { useCreateToken, useRevokeToken, useTokens, type TokenRow } from "./use-tokens";
import { QueryTable } from "../shared/data-table";

const SCOPE_HELP: Record<Scope, string> = {
  "conversations:read": "read conversations and messages",
  "conversations:write": "reply, add notes, assign, change status",
  "customers:read": "read customer profiles",
  "customers:write": "add and edit customers, their addresses, numbers and attributes",
  admin: "admin settings (phone menu, tokens of integrations)",
};

export function ApiTokens({ grantable, isAdmin }: { grantable: Scope[]; isAdmin: boolean }) {
  const q = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(["conversations:read"]);
  const [expires, setExpires] = useState("90");
  const [service, setService] = useState(false);

  return (
    <>
      <form
        className="card"
        aria-label="New API token"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              name,
              scopes,
              expiresInDays: expires ? Number(expires) : undefined,
              kind: service ? "service" : "personal",
            },
            { onSuccess: () => setName("") },
          );
        }}
      >
        <h2>New token</h2>
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. iPhone app" required />
        </label>
        <fieldset>
          <legend>Scopes</legend>
          {grantable.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={scopes.includes(s)}
                onChange={(e) => setScopes((cur) => (e.target.checked ? [...cur, s] : cur.filter((x) => x !== s)))}
              />
              <code>{s}</code> <span className="muted">{SCOPE_HELP[s]}</span>
            </label>
          ))}
        </fieldset>
        <label>
          Expires
          <select value={expires} onChange={(e) => setExpires(e.target.value)}>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="">never (until revoked)</option>
          </select>
        </label>
        {isAdmin && (
          <label className="check">
            <input type="checkbox" checked={service} onChange={(e) => setService(e.target.checked)} />
            Service token for an integration (other admins can see and revoke it)
          </label>
        )}
        <FormError message={create.error?.message} />
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </button>
        {create.data && (
          <div className="token-once" role="status">
            <p>
              Copy <strong>{create.data.name}</strong> now — it will not be shown again:
            </p>
            <code data-testid="new-token">{create.data.token}</code>
          </div>
        )}
      </form>

      <h2>Your tokens</h2>
      <QueryTable
        query={q}
        empty="No tokens yet. Apps and integrations use them as `Authorization: Bearer …`."
        label="API tokens"
        rows={() => q.data!.tokens}
        rowKey={(t) => t.id}
        rowTestId="token-row"
        columns={[
          {
            header: "Name",
            cell: (t) => (
              <>
                {t.name}
                {t.kind === "service" && <span className="badge">service</span>}
              </>
            ),
          },
          { header: "Token", cell: (t) => <code>{t.prefix}…</code> },
          { header: "Scopes", cell: (t) => t.scopes.join(", ") },
          { header: "Last used", cell: (t) => (t.lastUsedAt ? formatTime(t.lastUsedAt) : "never") },
          { header: "Status", cell: tokenStatus },
          {
            header: "Revoke",
            hiddenHeader: true,
            cell: (t) =>
              !t.revokedAt && (
                <button
                  type="button"
                  className="btn-link"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate(t.id)}
                  aria-label={`Revoke ${t.name}`}
                >
                  Revoke
                </button>
              ),
          },
        ]}
      />
      <FormError message={revoke.error?.message} />
    </>
  );
}

function tokenStatus(t: TokenRow): string {
  if (t.revokedAt) return `revoked ${formatTime(t.revokedAt)}`;
  if (t.expiresAt && new Date(t.expiresAt) <= new Date()) return "expired";
  return t.expiresAt ? `active until ${formatTime(t.expiresAt)}` : "active";
}
