// How a stored outbound message leaves the building, one transport per channel.
// Channel issues register real transports (Twilio, SMTP, chat push); until a
// channel has one, the local transport records what would have been sent.
import { PermanentJobError } from "../jobs/job-runner";
import type { TChannel } from "../shared/vocabulary";

export interface OutboundMessage {
  id: string;
  conversationId: number;
  channel: TChannel;
  body: string;
  customerId: string;
}

export interface DeliveryOutcome {
  /** sent: handed to a provider that reports later; delivered: the customer can see it now */
  status: "sent" | "delivered";
  providerId?: string;
  note?: string;
}

export interface Transport {
  send(message: OutboundMessage): Promise<DeliveryOutcome>;
}

/** A failure that retrying cannot fix (an invalid address, an opted-out number). */
export class PermanentDeliveryError extends PermanentJobError {}

/** The portal and the chat widget show stored messages (live, through the event stream): storing was the delivery. */
export const portalTransport: Transport = {
  async send() {
    return { status: "delivered" };
  },
};

export const LOCAL_PROVIDER_PREFIX = "local-";

/** Offline fallback: nothing leaves the machine; the timeline says so and the local outbox page lists it. */
export const localTransport: Transport = {
  async send(m) {
    return {
      status: "sent",
      providerId: `${LOCAL_PROVIDER_PREFIX}${m.id}`,
      note: `recorded locally: no ${m.channel} provider is configured`,
    };
  },
};

export type TransportMap = Partial<Record<TChannel, Transport>>;

export function transportFor(map: TransportMap, channel: TChannel): Transport {
  return map[channel] ?? (channel === "portal" || channel === "chat" ? portalTransport : localTransport);
}
