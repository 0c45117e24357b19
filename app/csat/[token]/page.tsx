import type { Metadata } from "next";
import { SurveyForm } from "@/lib/ui/csat/survey-form";

export const metadata: Metadata = { title: "How did we do?", referrer: "no-referrer" };

export default async function SurveyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <main className="page narrow">
      <SurveyForm token={token} />
    </main>
  );
}
