// How a search box's text becomes database queries and highlighted snippets.
// Pure: the same folding (lower case, accents removed) is applied to the query,
// to the snippet's text here, and by both databases' indexes (FTS5's
// remove_diacritics, PostgreSQL's unaccent), so "cafe" finds "Café".

const MAX_WORDS = 8;

export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** The words of a query, folded, at most eight. */
export function searchWords(query: string): string[] {
  return (fold(query).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
}

/**
 * The last word may be the start of a longer one (results follow as the agent types) from three
 * characters: a shorter start matches most of the vocabulary, which costs more than it finds.
 */
const isPrefix = (words: string[], i: number) => i === words.length - 1 && words[i]!.length >= 3;

/**
 * SQLite FTS5 syntax: every word must appear, the last may be a prefix. Words are quoted, so nothing in
 * them is read as an operator.
 */
export function fts5Query(words: string[]): string {
  return words.map((w, i) => `"${w}"${isPrefix(words, i) ? "*" : ""}`).join(" ");
}

/** PostgreSQL to_tsquery syntax with the same meaning as fts5Query. Words are letters and digits only. */
export function tsQuery(words: string[]): string {
  return words.map((w, i) => `${w}${isPrefix(words, i) ? ":*" : ""}`).join(" & ");
}

/**
 * The fragment to look for inside email addresses and phone numbers: the digits
 * when the query is a number as people write them ("(415) 555-01"), else the
 * folded query; null when shorter than three characters (a trigram).
 */
export function identityFragment(query: string): string | null {
  const trimmed = query.trim();
  const fragment = /^[\d\s()+.-]+$/.test(trimmed) ? trimmed.replace(/\D/g, "") : fold(trimmed);
  return fragment.length >= 3 ? fragment : null;
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * A short window of `text` around the first matching word, split into parts
 * with the matches marked, so the UI highlights without rendering HTML.
 */
export function snippet(text: string, words: string[], maxChars = 160): SnippetPart[] {
  const plain = text.replace(/\s+/g, " ").trim();
  const found: Array<{ start: number; end: number }> = [];
  for (const m of plain.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu)) {
    const word = fold(m[0]);
    if (words.some((w, i) => word === w || (isPrefix(words, i) && word.startsWith(w))))
      found.push({ start: m.index, end: m.index + m[0].length });
  }
  const first = found[0]?.start ?? 0;
  let from = Math.max(0, first - Math.floor(maxChars / 3));
  // Start at a word boundary, not halfway through one.
  if (from > 0) from = plain.indexOf(" ", from) + 1 || from;
  const to = Math.min(plain.length, from + maxChars);
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: "…", match: false });
  let at = from;
  for (const f of found) {
    if (f.start < from || f.end > to) continue;
    if (f.start > at) parts.push({ text: plain.slice(at, f.start), match: false });
    parts.push({ text: plain.slice(f.start, f.end), match: true });
    at = f.end;
  }
  if (at < to) parts.push({ text: plain.slice(at, to), match: false });
  if (to < plain.length) parts.push({ text: "…", match: false });
  return parts;
}
