import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/lib/ui/shared/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Omnidesk", template: "%s · Omnidesk" },
  description: "One conversation per customer, on every channel.",
  manifest: "/manifest.webmanifest",
  icons: { icon: "/icon.svg" },
};

export const viewport: Viewport = { themeColor: "#1f4ed8" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts need this request's CSP nonce (set by proxy.ts).
  await headers();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
