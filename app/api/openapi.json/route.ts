import { buildOpenApi } from "@/lib/gateway/openapi";
import { route, type RouteHandler } from "@/lib/gateway/route";
import { API_INFO, API_ROUTES } from "./registry";

export const GET: RouteHandler = route({ policy: "public" }, async () =>
  buildOpenApi([...API_ROUTES, { path: "/api/openapi.json", methods: { GET }, summary: "This document" }], API_INFO),
);
