"use client";
// The sidebar's views with their counts. Counts are refetched when the live
// event stream reports a conversation change (their key is under the inbox
// lists'), never on a timer.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { searchString } from "../shared/search-string";
import { useViews } from "./use-views";

export function ViewsNav() {
  const q = useViews();
  const params = useSearchParams();
  const pathname = usePathname();
  const active = pathname.startsWith("/inbox") ? (params.get("view") ?? "") : null;
  const views = q.data?.views ?? [];
  const groups = [
    { label: "Views", items: views.filter((v) => v.kind === "built-in") },
    { label: "Teams", items: views.filter((v) => v.kind === "team") },
    { label: "Saved views", items: views.filter((v) => v.kind === "saved") },
  ].filter((g) => g.items.length);
  return (
    <nav className="views-nav" aria-label="Views">
      {q.isPending && <p className="muted nav-note">Loading views…</p>}
      {q.isError && <p className="muted nav-note">Views could not be loaded.</p>}
      {groups.map((g) => (
        <section key={g.label}>
          <h2 className="nav-heading">{g.label}</h2>
          <ul>
            {g.items.map((v) => (
              <li key={v.id}>
                <Link
                  href={`/inbox?${searchString({ ...v.filters, view: v.id })}`}
                  className={`nav-link${active === v.id ? " is-active" : ""}`}
                  aria-current={active === v.id ? "page" : undefined}
                  data-testid={`view-${v.name}`}
                >
                  <span className="nav-label">
                    {v.name}
                    {v.kind === "saved" && v.shared && <span className="sr-only"> (shared)</span>}
                  </span>
                  <span className="nav-count" aria-label={`${v.count} conversations`}>
                    {v.count}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
