"use client";

import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { USAGE_PERIODS } from "@/lib/billing/schemas";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

const ALL = "all";

/** Period (7/30/90 days) and site, kept in the URL. */
export function UsageFilters({ days, siteId, sites }: { days: number; siteId: number | null; sites: { id: number; name: string }[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    startTransition(() => router.replace(`${pathname}?${next}`, { scroll: false }));
  };
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3" data-pending={pending || undefined}>
      <div role="group" aria-label="Period" className="inline-flex rounded-md border p-0.5">
        {USAGE_PERIODS.map((d) => (
          <Button key={d} size="sm" variant={d === days ? "secondary" : "ghost"} aria-pressed={d === days} className="h-7" onClick={() => set("days", String(d))}>
            {d} days
          </Button>
        ))}
      </div>
      {sites.length > 1 && (
        <Select value={siteId ? String(siteId) : ALL} onValueChange={(v) => set("site_id", v === ALL ? null : v)}>
          <SelectTrigger size="sm" className="w-52" aria-label="Site">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All sites</SelectItem>
            {sites.map((s) => (
              <SelectItem key={s.id} value={String(s.id)}>
                {s.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      )}
    </div>
  );
}
