import type { Metadata } from "next";
import { connection } from "next/server";
import { HydrationMarker } from "@/components/layout/hydration-marker";
import { Toaster } from "@/components/ui/sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Content Studio", template: "%s · Content Studio" },
  description: "Keywords to published articles: plan, write, optimise and publish SEO content.",
  manifest: "/manifest.webmanifest",
  icons: { apple: "/apple-touch-icon.png" },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so Next.js can put the request's CSP nonce on its scripts (proxy.ts).
  await connection();
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen font-sans">
        {children}
        <Toaster />
        <HydrationMarker />
      </body>
    </html>
  );
}
