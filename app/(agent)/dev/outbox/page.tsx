import type { Metadata } from "next";
import { LocalOutbox } from "@/lib/ui/inbox/local-recorder";

export const metadata: Metadata = { title: "Local outbox" };

export default function LocalOutboxPage() {
  return <LocalOutbox />;
}
