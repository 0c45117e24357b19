// What the HTTP server does with every request before Next.js sees it:
// - records the socket's peer address in a header the client cannot set (route
//   handlers under `next start` cannot see the socket, and Next.js fills in
//   X-Forwarded-For from it only when the client sent none);
// - answers a path with broken percent-encoding (`/api/conversations/%ff`)
//   with our 400 JSON error, where Next.js would answer a plain-text 500 before
//   any route or the gateway runs.
import { randomUUID } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { PEER_HEADER } from "../gateway/client-address";
import { API_CSP, commonSecurityHeaders } from "../gateway/security-headers";

type Emit = (event: string | symbol, ...args: unknown[]) => boolean;

/** True when a segment of the URL's path is not valid percent-encoded UTF-8. */
export function hasMalformedPath(url: string | undefined): boolean {
  const path = (url ?? "").split(/[?#]/)[0]!;
  if (!path.includes("%")) return false;
  try {
    for (const segment of path.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

export function malformedPathAnswer(https: boolean): { status: number; headers: Record<string, string>; body: string } {
  const requestId = randomUUID();
  return {
    status: 400,
    headers: {
      "content-type": "application/json",
      "content-security-policy": API_CSP,
      "x-request-id": requestId,
      ...commonSecurityHeaders(https),
    },
    body: JSON.stringify({
      error: {
        code: "malformed_url",
        message: "The address has invalid percent-encoding (a % not followed by valid UTF-8 bytes)",
        requestId,
      },
    }),
  };
}

export function guardRequests(opts: { https: boolean }): void {
  for (const proto of [http.Server.prototype, https.Server.prototype] as unknown as Array<{
    emit: Emit;
    __omnideskGuard?: true;
  }>) {
    if (proto.__omnideskGuard) continue;
    const emit = proto.emit;
    proto.emit = function (this: unknown, event, ...args) {
      if (event === "request") {
        const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
        req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
        if (hasMalformedPath(req.url)) {
          const answer = malformedPathAnswer(opts.https);
          res.writeHead(answer.status, answer.headers).end(answer.body);
          return true;
        }
      }
      return emit.call(this, event, ...args);
    };
    proto.__omnideskGuard = true;
  }
}
