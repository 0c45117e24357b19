// Every route handler file must go through the gateway wrapper with a declared policy.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POLICIES } from "@/lib/gateway/policy";
import { routeFiles } from "@/scripts/api-routes";
import { HTTP_METHODS } from "@/tests/helpers/route-files";

describe("route policies", () => {
  const files = routeFiles();

  it("finds the route handlers", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)("%s declares a policy on every method it exports", async (file) => {
    const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
    const methods = Object.keys(mod).filter((k) => HTTP_METHODS.includes(k));
    expect(methods.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
    for (const m of methods) {
      const policy = (mod[m] as { policy?: string }).policy;
      expect(POLICIES, `${file} ${m} has no policy: wrap it with route()`).toContain(policy);
    }
  });
});
