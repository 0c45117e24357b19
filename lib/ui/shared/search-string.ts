/** Filters as a URL query (without "?"): empty values are left out. */
export function searchString(filters: Readonly<Record<string, string | undefined>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  return q.toString();
}
