import type { Metadata } from "next";
import { PortalHome } from "@/lib/ui/portal/portal-home";

export const metadata: Metadata = { title: "Support" };

export default function PortalPage() {
  return <PortalHome />;
}
