import { buildOpenApi } from "@/lib/gateway/openapi";
import { route, type RouteHandler } from "@/lib/gateway/route";
import { API_ROUTES } from "./routes.generated";

export const GET: RouteHandler = route({ policy: "public", summary: "This document" }, async () =>
  buildOpenApi([...API_ROUTES, { path: "/api/openapi.json", methods: { GET } }]),
);
