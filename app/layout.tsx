import type { Metadata } from "next";
import { HydrationMarker } from "@/components/layout/hydration-marker";
import { Toaster } from "@/components/ui/sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Content Studio", template: "%s · Content Studio" },
  description: "Keywords to published articles: plan, write, optimise and publish SEO content.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
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
