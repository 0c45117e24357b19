import type { Metadata } from "next";
import { API_INFO, API_ROUTES } from "@/app/api/openapi.json/registry";
import { buildOpenApi } from "@/lib/gateway/openapi";
import { ApiDocs } from "@/lib/ui/docs/api-docs";

export const metadata: Metadata = { title: "API" };

export default function ApiDocsPage() {
  return <ApiDocs doc={buildOpenApi(API_ROUTES, API_INFO)} />;
}
