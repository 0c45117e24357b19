// Twilio as the tests meet it: webhooks signed exactly as Twilio signs them (the
// twilio package's own getExpectedTwilioSignature), and a local fake of Twilio's
// Messages API reached through the client's custom httpClient option.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";
import { rebasedRequestClient } from "@/lib/channels/sms/rebased-request-client";
import type { CallOptions } from "./factories";

export const sid = (prefix: string) =>
  prefix + [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");

/** A POST as Twilio would send it to PUBLIC_URL + path, signed over every param. */
export function signedTwilioPost(
  path: string,
  params: Record<string, string>,
  opts: { authToken?: string; signedUrl?: string; signature?: string | null } = {},
): CallOptions {
  const url = opts.signedUrl ?? `${process.env.PUBLIC_URL}${path}`;
  const signature =
    opts.signature === undefined
      ? twilio.getExpectedTwilioSignature(opts.authToken ?? process.env.TWILIO_AUTH_TOKEN!, url, params)
      : opts.signature;
  return {
    method: "POST",
    path,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(signature ? { "x-twilio-signature": signature } : {}),
    },
    body: new URLSearchParams(params).toString(),
  };
}

export function inboundSms(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    AccountSid: process.env.TWILIO_ACCOUNT_SID ?? "AC00000000000000000000000000000000",
    ApiVersion: "2010-04-01",
    MessageSid: sid("SM"),
    SmsSid: sid("SM"),
    From: "+14155550100",
    To: "+15005550006",
    Body: "Hello from my phone",
    NumMedia: "0",
    NumSegments: "1",
    FromCity: "SAN FRANCISCO",
    ...overrides,
  };
}

type FakeAnswer = "ok" | { status: number; code: number; message: string };
export const TWILIO_ERRORS = {
  optedOut: { status: 400, code: 21610, message: "Attempt to send to unsubscribed recipient" },
  invalidTo: { status: 400, code: 21211, message: "Invalid 'To' Phone Number" },
  tooMany: { status: 429, code: 20429, message: "Too Many Requests" },
  serverError: { status: 500, code: 20500, message: "Internal Server Error" },
} as const;

/** Answers like Twilio's Messages API, in the order `answers` says (then "ok"). */
export async function startFakeTwilio(port = 0) {
  const requests: Array<{ path: string; params: Record<string, string>; authorization?: string; sid?: string }> = [];
  const answers: FakeAnswer[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const params = Object.fromEntries(new URLSearchParams(raw));
      const answer = answers.shift() ?? "ok";
      const messageSid = answer === "ok" ? sid("SM") : undefined;
      requests.push({ path: req.url ?? "", params, authorization: req.headers.authorization, sid: messageSid });
      res.setHeader("content-type", "application/json");
      if (answer === "ok") {
        res.statusCode = 201;
        res.end(
          JSON.stringify({
            sid: messageSid,
            status: "queued",
            to: params.To,
            from: params.From ?? null,
            body: params.Body,
            num_segments: "1",
          }),
        );
      } else {
        res.statusCode = answer.status;
        res.end(JSON.stringify({ ...answer, more_info: `https://www.twilio.com/docs/errors/${answer.code}` }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    requests,
    answers,
    base,
    httpClient: rebasedRequestClient(base),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
