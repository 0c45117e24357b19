"use client";
// The satisfaction survey: five buttons and an optional comment. Used on the
// survey page (links by email, SMS, portal) and inline in the chat widget.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../shared/api-client";
import { ErrorState, FormError, Loading } from "../shared/states";
import { csatKeys } from "./query-keys";

interface Survey {
  reference: string;
  subject: string;
  rating: number | null;
  comment: string | null;
  open: boolean;
}

const LABELS = ["", "Very bad", "Bad", "OK", "Good", "Great"];

export function SurveyForm({ token, compact = false }: { token: string; compact?: boolean }) {
  const path = `/api/csat/${encodeURIComponent(token)}`;
  const survey = useQuery({ queryKey: csatKeys.survey(token), queryFn: () => api<Survey>(path), retry: false });
  if (survey.isPending) return <Loading />;
  if (survey.isError) return <ErrorState error={new Error("This survey link is not valid (or has expired).")} />;
  return <Answer key={survey.data.rating ?? 0} path={path} survey={survey.data} compact={compact} />;
}

function Answer({ path, survey, compact }: { path: string; survey: Survey; compact: boolean }) {
  const [rating, setRating] = useState<number | null>(survey.rating);
  const [comment, setComment] = useState(survey.comment ?? "");
  const send = useMutation({
    mutationFn: () => api(path, { method: "POST", body: { rating, ...(comment.trim() ? { comment } : {}) } }),
  });
  if (!survey.open) return <p className="muted">This survey has closed. Thank you!</p>;
  if (send.isSuccess)
    return (
      <p role="status" className="csat-thanks">
        Thank you for your feedback{rating && rating >= 4 ? "!" : ". We'll use it to do better."}
      </p>
    );
  return (
    <form
      className={`csat${compact ? " csat-compact" : ""}`}
      aria-label="Rate this conversation"
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate();
      }}
    >
      {!compact && (
        <>
          <h1>How did we do?</h1>
          <p className="muted">
            {survey.reference} {survey.subject}
          </p>
        </>
      )}
      <div className="csat-ratings" role="group" aria-label="Rating">
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            className={`btn csat-rating${rating === n ? " is-selected" : ""}`}
            aria-pressed={rating === n}
            aria-label={`${n} of 5: ${LABELS[n]}`}
            onClick={() => setRating(n)}
          >
            {"★".repeat(n)}
          </button>
        ))}
      </div>
      <label className="wide">
        Anything to add? (optional)
        <textarea
          rows={compact ? 2 : 3}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      <FormError message={send.error?.message} />
      <button className="btn btn-primary" disabled={!rating || send.isPending}>
        {survey.rating ? "Change my answer" : "Send"}
      </button>
    </form>
  );
}
