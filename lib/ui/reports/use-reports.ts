"use client";
import { useQuery } from "@tanstack/react-query";
import type { ReportOverview } from "@/lib/reports/queries";
import { api, type Json } from "../shared/api-client";

export type ReportData = Json<ReportOverview>;
export interface ReportFilters {
  from?: string;
  to?: string;
  channel?: string;
  team?: string;
  agent?: string;
}

export const reportSearch = (f: ReportFilters) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  return q.toString();
};

export function useReports(filters: ReportFilters) {
  return useQuery({
    queryKey: ["reports", filters],
    queryFn: () => api<ReportData>(`/api/reports?${reportSearch(filters)}`),
    placeholderData: (previous) => previous,
  });
}
