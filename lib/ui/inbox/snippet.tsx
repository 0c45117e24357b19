import type { SnippetPart } from "@/lib/shared/search-terms";

/** A search hit's text with the matched words marked (parts, never HTML). */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <span className="snippet">
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}

export const MATCH_LABELS: Record<string, string> = {
  message: "in a message",
  subject: "in the subject",
  attachment: "in an attachment's name",
  customer: "the customer",
};
