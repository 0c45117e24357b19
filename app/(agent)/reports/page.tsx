import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePageCaller } from "@/lib/gateway/current-caller";
import { Reports } from "@/lib/ui/reports/reports";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  await requirePageCaller("agent", "/reports");
  return (
    <main className="page wide-page">
      <h1>Reports</h1>
      <Suspense>
        <Reports />
      </Suspense>
    </main>
  );
}
