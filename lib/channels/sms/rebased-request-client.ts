// The twilio client's own HTTP client, sending to another base URL than
// https://api.twilio.com: an egress proxy, or a local fake of Twilio's API in tests.
import twilio from "twilio";

type RequestOptions<T> = Parameters<InstanceType<typeof twilio.RequestClient>["request"]>[0] & { data?: T };

export function rebasedRequestClient(base: string): InstanceType<typeof twilio.RequestClient> {
  const target = base.replace(/\/$/, "");
  class RebasedRequestClient extends twilio.RequestClient {
    request<T>(opts: RequestOptions<T>) {
      return super.request({ ...opts, uri: opts.uri.replace(/^https:\/\/api\.twilio\.com/, target) });
    }
  }
  return new RebasedRequestClient();
}
