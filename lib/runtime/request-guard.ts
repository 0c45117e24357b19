// What the HTTP server does with every request before Next.js sees it:
// - records the socket's peer address in a header the client cannot set (route
//   handlers under `next start` cannot see the socket, and Next.js fills in
//   X-Forwarded-For from it only when the client sent none);
// - answers a path with broken percent-encoding (`/api/conversations/%ff`)
//   with our 400 JSON error, where Next.js would answer a plain-text 500 before
//   any route or the gateway runs;
// - gives an API route's 405 (a method its file does not export, answered by
//   Next.js with an empty body) our JSON error too, and so the requests Node's
//   own parser refuses (431 headers too large, 400 malformed).
import { randomUUID } from "node:crypto";
import http, { STATUS_CODES } from "node:http";
import https from "node:https";
import type { Duplex } from "node:stream";
import { PEER_HEADER } from "../gateway/client-address";
import { apiSecurityHeaders } from "../gateway/security-headers";

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

function jsonError(status: number, code: string, message: string, https: boolean) {
  const requestId = randomUUID();
  return {
    status,
    headers: {
      "content-type": "application/json",
      "x-request-id": requestId,
      ...apiSecurityHeaders(https),
    },
    body: JSON.stringify({ error: { code, message, requestId } }),
  };
}

export function malformedPathAnswer(https: boolean) {
  return jsonError(
    400,
    "malformed_url",
    "The address has invalid percent-encoding (a % not followed by valid UTF-8 bytes)",
    https,
  );
}

/**
 * Replaces the empty body of an API 405 with our JSON error, whether Next.js sets the status and ends, or
 * writes the head first.
 */
function jsonMethodNotAllowed(req: http.IncomingMessage, res: http.ServerResponse, https: boolean): void {
  const answer = () => jsonError(405, "method_not_allowed", `${req.method} is not allowed on this route`, https);
  let body: string | undefined;
  const take = () => {
    const a = answer();
    for (const [name, value] of Object.entries(a.headers)) res.setHeader(name, value);
    res.removeHeader("content-length");
    body = a.body;
  };
  const writeHead = res.writeHead as (...args: unknown[]) => http.ServerResponse;
  res.writeHead = function (this: http.ServerResponse, status: number, ...rest: unknown[]) {
    if (status === 405 && body === undefined) {
      take();
      // Headers given here would win over ours: keep theirs but the length and type of the old, empty body.
      rest = rest.map((arg) =>
        arg && typeof arg === "object" && !Array.isArray(arg)
          ? Object.fromEntries(Object.entries(arg).filter(([name]) => !/^(content-length|content-type)$/i.test(name)))
          : arg,
      );
    }
    return writeHead.call(this, status, ...rest);
  } as typeof res.writeHead;
  const end = res.end as (...args: unknown[]) => http.ServerResponse;
  res.end = function (this: http.ServerResponse, ...args: unknown[]) {
    if (res.statusCode === 405 && body === undefined && !res.headersSent) take();
    return body === undefined ? end.apply(this, args) : end.call(this, body);
  } as typeof res.end;
}

/** Node's parser refused the request (too large, malformed): answered in our JSON shape on the raw socket. */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex, https: boolean): void {
  if (!socket.writable || err.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
  const a = jsonError(
    tooLarge ? 431 : 400,
    tooLarge ? "headers_too_large" : "malformed_request",
    tooLarge ? "The request's address and headers are too large" : "The request could not be read as HTTP",
    https,
  );
  const head = Object.entries({
    ...a.headers,
    "content-length": String(Buffer.byteLength(a.body)),
    connection: "close",
  })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  socket.end(`HTTP/1.1 ${a.status} ${STATUS_CODES[a.status]}\r\n${head}\r\n${a.body}`);
}

export function guardRequests(opts: { https: boolean }): void {
  for (const proto of [http.Server.prototype, https.Server.prototype] as unknown as Array<{
    emit: Emit;
    __omnideskGuard?: true;
  }>) {
    if (proto.__omnideskGuard) continue;
    const emit = proto.emit;
    proto.emit = function (this: unknown, event, ...args) {
      if (event === "clientError") {
        answerClientError(args[0] as NodeJS.ErrnoException, args[1] as Duplex, opts.https);
        return true;
      }
      if (event === "request") {
        const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
        req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
        if (hasMalformedPath(req.url)) {
          const answer = malformedPathAnswer(opts.https);
          res.writeHead(answer.status, answer.headers).end(answer.body);
          return true;
        }
        if (req.url?.startsWith("/api/")) jsonMethodNotAllowed(req, res, opts.https);
      }
      return emit.call(this, event, ...args);
    };
    proto.__omnideskGuard = true;
  }
}
