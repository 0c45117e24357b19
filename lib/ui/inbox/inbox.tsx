"use client";
// The inbox: a view's conversations (or search results) beside the open
// conversation. Below 900 px they are two screens: the list, or the
// conversation with a way back.
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { Empty } from "../shared/states";
import { useViews } from "../shell/use-views";
import { BulkBar } from "./bulk-bar";
import { ConversationPane } from "./conversation-pane";
import { InboxFilterFields } from "./inbox-filters";
import { InboxList, toSearch, type Selection } from "./inbox-list";
import { filtersFrom, type InboxFilters } from "./query-keys";
import { DeleteViewButton, SaveView } from "./save-view";

function useSelection(): Selection {
  const [ids, setIds] = useState<ReadonlySet<number>>(new Set());
  return useMemo(
    () => ({
      ids,
      toggle: (id: number) =>
        setIds((prev) => {
          const next = new Set(prev);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
      set: (list: number[]) => setIds(new Set(list)),
    }),
    [ids],
  );
}

export function Inbox({ selectedId, viewerId }: { selectedId?: number; viewerId: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const filters = filtersFrom(params);
  const viewId = params.get("view") ?? undefined;
  const views = useViews();
  const view = views.data?.views.find((v) => v.id === viewId);
  const selection = useSelection();
  const [panel, setPanel] = useState<"filters" | "save" | null>(null);
  const [query, setQuery] = useState(filters.q ?? "");
  const currentQuery = params.toString();
  const hrefOf = useCallback((id: number) => `/inbox/${id}${currentQuery ? `?${currentQuery}` : ""}`, [currentQuery]);
  const setFilters = (change: InboxFilters) => {
    // A changed filter is no longer the named view (until saved as one).
    const next = { ...filters, ...change };
    router.replace(`/inbox${selectedId ? `/${selectedId}` : ""}${toSearch(next)}`);
  };
  const Title = selectedId ? "h2" : "h1";
  const activeFilters = Object.keys(filters).filter((k) => k !== "q" && k !== "sort").length;
  const noFilters = !activeFilters && !filters.q;

  return (
    <main className={`inbox${selectedId ? " has-conversation" : ""}`}>
      <section className="inbox-sidebar" aria-label="Conversation list">
        <div className="inbox-head">
          {/* The page's heading until a conversation opens beside it; then the conversation's title is. */}
          <Title className="inbox-title">{view?.name ?? (filters.q ? "Search" : "All conversations")}</Title>
          <form
            role="search"
            className="inbox-search"
            onSubmit={(e) => {
              e.preventDefault();
              setFilters({ q: query.trim() || undefined });
            }}
          >
            <label className="sr-only" htmlFor="inbox-q">
              Search these conversations
            </label>
            <input
              id="inbox-q"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="Search words, email, number…"
              maxLength={200}
              autoFocus={params.has("search")}
            />
            <button type="submit" className="btn">
              Search
            </button>
          </form>
          <div className="inbox-head-actions">
            <button
              type="button"
              className="btn"
              aria-expanded={panel === "filters"}
              onClick={() => setPanel(panel === "filters" ? null : "filters")}
            >
              Filters{activeFilters ? ` (${activeFilters})` : ""}
            </button>
            <button
              type="button"
              className="btn"
              aria-expanded={panel === "save"}
              onClick={() => setPanel(panel === "save" ? null : "save")}
            >
              Save view
            </button>
            {view?.editable && <DeleteViewButton id={view.id} onDeleted={() => router.replace("/inbox")} />}
            {!noFilters && (
              <Link href="/inbox" className="btn btn-link" onClick={() => setQuery("")}>
                Clear
              </Link>
            )}
          </div>
          {panel === "filters" && <InboxFilterFields filters={filters} onChange={setFilters} viewerId={viewerId} />}
          {panel === "save" && (
            <SaveView
              filters={filters}
              onSaved={(id) => {
                setPanel(null);
                router.replace(`/inbox${toSearch({ ...filters, view: id })}`);
              }}
            />
          )}
        </div>
        {selection.ids.size > 0 && <BulkBar ids={[...selection.ids]} onDone={() => selection.set([])} />}
        <InboxList
          filters={filters}
          selectedId={selectedId}
          selection={selection}
          // With no filter at all, an empty list means an empty helpdesk.
          isNewHelpdesk={noFilters}
          hrefOf={hrefOf}
        />
      </section>
      <section className="inbox-main" aria-label="Conversation">
        {selectedId ? (
          <>
            <Link href={`/inbox${currentQuery ? `?${currentQuery}` : ""}`} className="back-link">
              ← Back to the list
            </Link>
            <ConversationPane id={selectedId} viewerId={viewerId} />
          </>
        ) : (
          <Empty>Pick a conversation from the list — or press j and k to move, o to open.</Empty>
        )}
      </section>
    </main>
  );
}
