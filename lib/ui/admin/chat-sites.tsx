"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../shared/api-client";
import { FormError, QueryStates } from "../shared/states";
import { adminKeys } from "./query-keys";

interface ChatSite {
  id: string;
  key: string;
  name: string;
  allowedOrigins: string[];
  requirePreChat: boolean;
  identitySecret: string;
}

const snippet = (key: string) => `<script src="${window.location.origin}/widget.js" data-site="${key}" async></script>`;

export function ChatSites() {
  const qc = useQueryClient();
  const sites = useQuery({
    queryKey: adminKeys.chatSites(),
    queryFn: () => api<{ items: ChatSite[] }>("/api/admin/chat-sites"),
  });
  const [name, setName] = useState("");
  const [origins, setOrigins] = useState("");
  const [requirePreChat, setRequirePreChat] = useState(false);
  const refresh = () => void qc.invalidateQueries({ queryKey: adminKeys.chatSites() });
  const create = useMutation({
    mutationFn: () =>
      api<ChatSite>("/api/admin/chat-sites", {
        method: "POST",
        body: { name, allowedOrigins: origins.split(/[\s,]+/).filter(Boolean), requirePreChat },
      }),
    onSuccess: () => {
      setName("");
      setOrigins("");
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/admin/chat-sites/${id}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  return (
    <>
      <QueryStates query={sites} isEmpty={() => sites.data!.items.length === 0} empty="No chat sites yet.">
        {() =>
          sites.data!.items.map((s) => (
            <section key={s.id} className="card" data-testid="chat-site">
              <h2>{s.name}</h2>
              <p className="muted">
                May embed: {s.allowedOrigins.join(", ")} · pre-chat form {s.requirePreChat ? "on" : "off"}{" "}
                <button type="button" className="btn-link" onClick={() => remove.mutate(s.id)}>
                  Remove
                </button>
              </p>
              <p>Paste this before &lt;/body&gt; on those pages:</p>
              <code className="snippet" data-testid="embed-snippet">
                {snippet(s.key)}
              </code>
              <details>
                <summary>Signed-in users of your site</summary>
                <p>
                  To join a signed-in user&apos;s chat to their history on every channel, add <code>data-user-id</code>,{" "}
                  <code>data-user-email</code> (optional), <code>data-user-name</code> (optional) and{" "}
                  <code>data-user-hash</code>: the hex HMAC-SHA256 of <code>{"`${userId}\n${email}`"}</code> computed on
                  your server with this secret (never in the browser):
                </p>
                <code className="snippet" data-testid="identity-secret">
                  {s.identitySecret}
                </code>
              </details>
            </section>
          ))
        }
      </QueryStates>
      <form
        className="card"
        aria-label="Add a chat site"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h2>Add a website</h2>
        <label>
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Web shop"
            required
            maxLength={100}
          />
        </label>
        <label>
          Origins allowed to embed the chat (space or comma separated)
          <input
            value={origins}
            onChange={(e) => setOrigins(e.target.value)}
            placeholder="https://shop.example.com https://www.example.com"
            required
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={requirePreChat} onChange={(e) => setRequirePreChat(e.target.checked)} />
          Ask for name and email before the first message
        </label>
        <FormError message={create.error?.message ?? remove.error?.message} />
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          Add website
        </button>
      </form>
    </>
  );
}
