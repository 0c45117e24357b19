import { notFound } from "@/lib/errors";
import { route, type RouteHandler } from "@/lib/gateway/route";

// Any /api path no route serves: our JSON 404 (with request id and security headers), not Next's HTML page.
const unknown: RouteHandler = route({ policy: "public", summary: "No such API route: a JSON 404" }, async () => {
  throw notFound("API route");
});
export const GET = unknown;
export const POST = unknown;
export const PUT = unknown;
export const PATCH = unknown;
export const DELETE = unknown;
