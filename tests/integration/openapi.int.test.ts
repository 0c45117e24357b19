import path from "node:path";
import { describe, expect, it } from "vitest";
import * as openapi from "@/app/api/openapi.json/route";
import { readFileSync } from "node:fs";
import { documentedRouteFiles, GENERATED, renderRoutesModule, routePathFromFile } from "@/scripts/api-routes";
import { call } from "@/tests/helpers/factories";
import { HTTP_METHODS } from "@/tests/helpers/route-files";

describe("GET /api/openapi.json", () => {
  it("documents every method of every route file, so a route cannot be left out", async () => {
    const res = await call(openapi.GET, { path: "/api/openapi.json" });
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    const missing: string[] = [];
    for (const file of documentedRouteFiles()) {
      const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      const apiPath = routePathFromFile(file);
      for (const method of Object.keys(mod).filter((k) => HTTP_METHODS.includes(k))) {
        if (!res.json.paths[apiPath]?.[method.toLowerCase()]) missing.push(`${method} ${apiPath}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("documents bodies, parameters and who may call, from the routes' own schemas", async () => {
    const { json } = await call(openapi.GET, { path: "/api/openapi.json" });
    const replyOp = json.paths["/api/conversations/{id}/messages"].post;
    expect(replyOp.security).toEqual([{ session: [] }, { bearer: ["conversations:write"] }]);
    expect(replyOp.parameters).toEqual([expect.objectContaining({ name: "id", in: "path", required: true })]);
    expect(replyOp.requestBody.content["application/json"].schema).toMatchObject({
      type: "object",
      required: ["body"],
      additionalProperties: false,
      properties: { channel: { enum: ["portal", "chat", "email", "sms", "voice", "api"] } },
    });
    const inbox = json.paths["/api/conversations"].get;
    expect(inbox.parameters.map((p: { name: string }) => p.name)).toEqual([
      "status",
      "assignee",
      "team",
      "channel",
      "priority",
      "tag",
      "customStatus",
      "sla",
      "from",
      "to",
      "mentions",
      "q",
      "sort",
      "cursor",
      "limit",
    ]);
    const sms = json.paths["/api/twilio/sms"].post;
    expect(sms.security).toEqual([{ twilioSignature: [] }]);
    expect(Object.keys(sms.requestBody.content)).toEqual(["application/x-www-form-urlencoded"]);
    expect(json.paths["/api/portal/signup"].post.security).toEqual([]);
  });

  it("lists the route files on disk (run `npm run routes` after adding or removing one)", () => {
    expect(readFileSync(GENERATED, "utf8")).toBe(renderRoutesModule());
  });

  it("takes each operation's summary from its route's own declaration", async () => {
    const { json } = await call(openapi.GET, { path: "/api/openapi.json" });
    expect(json.paths["/api/twilio/sms"].post.summary).toBe("Twilio: incoming SMS/MMS");
    expect(json.paths["/api/openapi.json"].get.summary).toBe("This document");
    const unsummarised = Object.entries(json.paths).flatMap(([p, ops]) =>
      Object.entries(ops as Record<string, { summary?: string }>)
        .filter(([, op]) => !op.summary)
        .map(([m]) => `${m} ${p}`),
    );
    expect(unsummarised).toEqual([]);
  });

  it("turns route files into URL paths", () => {
    expect(routePathFromFile("app/api/conversations/[id]/messages/route.ts")).toBe("/api/conversations/{id}/messages");
    expect(routePathFromFile("app/api/auth/[...nextauth]/route.ts")).toBe("/api/auth/{nextauth}");
    expect(routePathFromFile("app/(agent)/x/route.ts")).toBe("/x");
  });
});
