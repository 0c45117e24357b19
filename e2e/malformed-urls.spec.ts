import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { routePathFromFile } from "../scripts/api-routes";

// Every route and page with a path parameter, called through the running server with bytes that are not
// percent-encoded UTF-8. Next.js itself answered these with a plain-text 500 before any route ran.
function dynamicPaths(dir = "app"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return dynamicPaths(p);
    return /^(route|page)\.tsx?$/.test(e.name) && p.includes("[")
      ? [routePathFromFile(p.replace(/page\.tsx?$/, "route.ts"))]
      : [];
  });
}

const BROKEN = ["%ff", "%ED%A0%80", "%E0%A4%A", "%"];

test("a path parameter that is not valid percent-encoding gets a 400 JSON error on every route and page", async ({
  request,
}) => {
  const paths = dynamicPaths();
  expect(paths.length).toBeGreaterThan(20);
  const answers: string[] = [];
  for (const p of paths) {
    for (const broken of BROKEN) {
      const url = p.replace(/\{[^}]+\}/, broken).replace(/\{[^}]+\}/g, "1");
      for (const method of ["GET", "POST"] as const) {
        const res = await request.fetch(url, { method, maxRedirects: 0 });
        const body = await res.text();
        const ok =
          res.status() === 400 &&
          res.headers()["content-type"] === "application/json" &&
          JSON.parse(body).error?.code === "malformed_url" &&
          !!res.headers()["x-request-id"] &&
          res.headers()["content-security-policy"] === "default-src 'none'; frame-ancestors 'none'";
        if (!ok) answers.push(`${method} ${url} → ${res.status()} ${body.slice(0, 60)}`);
      }
    }
  }
  expect(answers).toEqual([]);
});
