import type { Metadata } from "next";
import { API_ROUTES } from "@/app/api/openapi.json/routes.generated";
import { buildOpenApi } from "@/lib/gateway/openapi";
import { ApiDocs } from "@/lib/ui/docs/api-docs";

export const metadata: Metadata = { title: "API" };

export default function ApiDocsPage() {
  return <ApiDocs doc={buildOpenApi(API_ROUTES)} />;
}
