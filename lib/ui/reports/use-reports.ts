"use client";
import { useQuery } from "@tanstack/react-query";
import type { ReportOverview } from "@/lib/reports/queries";
import { api, type Json } from "../shared/api-client";
import { searchString } from "../shared/search-string";
import { reportKeys } from "./query-keys";

export type ReportData = Json<ReportOverview>;
export interface ReportFilters {
  from?: string;
  to?: string;
  channel?: string;
  team?: string;
  agent?: string;
}

export function useReports(filters: ReportFilters) {
  return useQuery({
    queryKey: reportKeys.overview(filters),
    queryFn: () => api<ReportData>(`/api/reports?${searchString({ ...filters })}`),
    placeholderData: (previous) => previous,
  });
}
