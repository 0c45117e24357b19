"use client";
// ⌘K / Ctrl+K (or "/" outside a text field): one box that finds conversations
// (full-text), customers (name, address, number) and actions, driven by the keyboard.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import type { InboxItem } from "@/lib/conversations/queries";
import { api, type Json } from "../shared/api-client";
import { inboxKeys } from "../inbox/query-keys";
import { isTyping } from "../shared/keyboard";

const OPEN_EVENT = "omnidesk:command-palette";
export const openCommandPalette = () => window.dispatchEvent(new Event(OPEN_EVENT));

interface Entry {
  key: string;
  group: "Actions" | "Conversations" | "Customers";
  label: string;
  hint?: string;
  href: string;
}

const ACTIONS: Array<Omit<Entry, "key" | "group"> & { admin?: boolean }> = [
  { label: "New conversation", href: "/conversations/new" },
  { label: "Go to Mine", href: "/inbox?status=new,open,pending&assignee=me&view=mine" },
  { label: "Go to Unassigned", href: "/inbox?status=new,open,pending&assignee=unassigned&view=unassigned" },
  { label: "Go to SLA at risk", href: "/inbox?sla=at_risk&view=sla" },
  { label: "Search all history", href: "/search" },
  { label: "Reports", href: "/reports" },
  { label: "Agents and teams", href: "/admin/team", admin: true },
  { label: "Automation", href: "/admin/automation", admin: true },
  { label: "Customer attributes", href: "/admin/customer-attributes", admin: true },
  { label: "API tokens", href: "/settings/tokens" },
];

function useDebounced(value: string, ms = 150) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

type FoundCustomer = { id: string; name: string; identities: Array<{ kind: string; value: string }> };

export function CommandPalette({ isAdmin }: { isAdmin: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const term = useDebounced(text.trim());
  const searching = term.length >= 2;

  useEffect(() => {
    const open = () => {
      setText("");
      setActive(0);
      if (!dialog.current?.open) dialog.current?.showModal();
      input.current?.focus();
    };
    const onKey = (e: KeyboardEvent) => {
      if (
        (e.key === "k" && (e.metaKey || e.ctrlKey)) ||
        (e.key === "/" && !isTyping(e.target) && !e.metaKey && !e.ctrlKey)
      ) {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener(OPEN_EVENT, open);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener(OPEN_EVENT, open);
      window.removeEventListener("keydown", onKey);
    };
  }, []);

  const conversations = useQuery({
    queryKey: [...inboxKeys.all, "palette", "conversations", term],
    queryFn: () => api<{ items: Json<InboxItem>[] }>(`/api/conversations?q=${encodeURIComponent(term)}&limit=6`),
    enabled: searching,
  });
  const customers = useQuery({
    queryKey: inboxKeys.customers(term),
    queryFn: () => api<{ items: FoundCustomer[] }>(`/api/customers?q=${encodeURIComponent(term)}`),
    enabled: searching,
  });

  const entries = useMemo<Entry[]>(() => {
    const lower = text.trim().toLowerCase();
    const actions = ACTIONS.filter((a) => (!a.admin || isAdmin) && (!lower || a.label.toLowerCase().includes(lower)));
    return [
      ...actions.map((a) => ({ key: `a:${a.href}`, group: "Actions" as const, label: a.label, href: a.href })),
      ...(searching ? (conversations.data?.items ?? []) : []).map((c) => ({
        key: `c:${c.id}`,
        group: "Conversations" as const,
        label: `#${c.id} ${c.subject}`,
        hint: c.customer.name,
        href: `/inbox/${c.id}`,
      })),
      ...(searching ? (customers.data?.items ?? []).slice(0, 6) : []).map((c) => ({
        key: `u:${c.id}`,
        group: "Customers" as const,
        label: c.name,
        hint: c.identities
          .filter((i) => i.kind === "email" || i.kind === "phone")
          .map((i) => i.value)
          .join(" · "),
        href: `/customers/${c.id}`,
      })),
      ...(searching
        ? [
            {
              key: "s",
              group: "Actions" as const,
              label: `Search all history for “${term}”`,
              href: `/search?q=${encodeURIComponent(term)}`,
            },
          ]
        : []),
    ];
  }, [text, term, searching, isAdmin, conversations.data, customers.data]);

  const go = (e: Entry | undefined) => {
    if (!e) return;
    dialog.current?.close();
    router.push(e.href);
  };
  const index = Math.min(active, Math.max(entries.length - 1, 0));
  const loading = searching && (conversations.isFetching || customers.isFetching);

  return (
    <dialog
      ref={dialog}
      className="palette"
      aria-label="Command palette"
      onClick={(e) => e.target === dialog.current && dialog.current?.close()}
    >
      <input
        ref={input}
        className="palette-input"
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-results"
        aria-activedescendant={entries[index] ? `palette-${entries[index].key}` : undefined}
        aria-label="Find conversations, customers and actions"
        placeholder="Find conversations, customers, actions…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, entries.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === "Enter") {
            e.preventDefault();
            go(entries[index]);
          }
        }}
      />
      <ul id="palette-results" role="listbox" className="palette-results" aria-label="Results">
        {entries.map((e, i) => (
          <li
            key={e.key}
            id={`palette-${e.key}`}
            role="option"
            aria-selected={i === index}
            className={`palette-item${i === index ? " is-active" : ""}`}
            onMouseEnter={() => setActive(i)}
            onClick={() => go(e)}
          >
            <span className="palette-group">{e.group}</span>
            <span className="palette-label">{e.label}</span>
            {e.hint && <span className="muted palette-hint">{e.hint}</span>}
          </li>
        ))}
      </ul>
      <p className="muted palette-footer" role="status">
        {loading
          ? "Searching…"
          : searching && entries.length <= 1
            ? `Nothing found for “${term}”.`
            : "↑↓ to move, Enter to open, Esc to close"}
      </p>
    </dialog>
  );
}
