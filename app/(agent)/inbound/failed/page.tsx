import type { Metadata } from "next";
import { FailedInbound } from "@/lib/ui/inbox/failed-inbound";

export const metadata: Metadata = { title: "Failed inbound" };

export default function FailedInboundPage() {
  return <FailedInbound />;
}
