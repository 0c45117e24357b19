import { redirect } from "next/navigation";

/** Search is the inbox with words: it combines with every view's filters (lib/conversations/search.ts). */
export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const q = (await searchParams).q;
  const words = typeof q === "string" ? q.trim() : "";
  redirect(words ? `/inbox?q=${encodeURIComponent(words)}` : "/inbox?search=1");
}
