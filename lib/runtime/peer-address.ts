// Route handlers under `next start` cannot see the socket: Next.js fills in
// X-Forwarded-For from it only when the client sent none, so a client could
// name any address. This records the socket's peer on every request, in a
// header the client cannot set (whatever it sent under that name is replaced).
import http from "node:http";
import https from "node:https";
import { PEER_HEADER } from "../gateway/client-address";

type Emit = (event: string | symbol, ...args: unknown[]) => boolean;

export function recordPeerAddresses(): void {
  for (const proto of [http.Server.prototype, https.Server.prototype] as unknown as Array<{
    emit: Emit;
    __omnideskPeer?: true;
  }>) {
    if (proto.__omnideskPeer) continue;
    const emit = proto.emit;
    proto.emit = function (this: unknown, event, ...args) {
      if (event === "request") {
        const req = args[0] as http.IncomingMessage;
        req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
      }
      return emit.call(this, event, ...args);
    };
    proto.__omnideskPeer = true;
  }
}
