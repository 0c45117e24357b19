import { describe, expect, it } from "vitest";
import { hasMalformedPath, malformedPathAnswer } from "./request-guard";

describe("the request guard", () => {
  it("finds broken percent-encoding in any path segment, and only in the path", () => {
    for (const bad of ["/api/conversations/%ff", "/api/csat/%ED%A0%80", "/widget/%ff", "/a/%E0%A4%A", "/x/%", "/%zz"])
      expect(hasMalformedPath(bad), bad).toBe(true);
    for (const fine of ["/api/conversations/12", "/inbox/%25", "/a/caf%C3%A9", "/api/x?q=%ff", "/", undefined])
      expect(hasMalformedPath(fine), String(fine)).toBe(false);
  });

  it("answers with our JSON error, a request id and the security headers", () => {
    const answer = malformedPathAnswer(true);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "malformed_url" } });
    expect(JSON.parse(answer.body).error.requestId).toBe(answer.headers["x-request-id"]);
    expect(answer.headers).toMatchObject({
      "content-type": "application/json",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
      "strict-transport-security": expect.stringContaining("max-age="),
    });
  });
});
