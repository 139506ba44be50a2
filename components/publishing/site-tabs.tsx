import Link from "next/link";
import { cn } from "@/lib/utils/cn";

const TABS = [
  { href: "", label: "Dashboard" },
  { href: "/integrations", label: "Integrations" },
  { href: "/publishing", label: "Publishing" },
  { href: "/manager", label: "Site manager" },
  { href: "/settings", label: "Settings" },
] as const;

/** The per-site navigation of /manage/sites/[id]/…. */
export function SiteTabs({ siteId, active }: { siteId: number; active: (typeof TABS)[number]["href"] }) {
  return (
    <nav className="mb-6 flex flex-wrap gap-1 border-b" aria-label="Site sections">
      {TABS.map((tab) => (
        <Link key={tab.href} href={`/manage/sites/${siteId}${tab.href}`} className={cn("-mb-px border-b-2 px-3 py-2 text-sm", tab.href === active ? "border-primary font-medium text-foreground" : "border-transparent text-muted-foreground hover:text-foreground")}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
