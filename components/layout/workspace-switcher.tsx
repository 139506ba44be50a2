"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Globe, Layers } from "lucide-react";
import { selectWorkspaceAction } from "@/lib/sites/actions";
import type { Selection } from "@/lib/sites/selection";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

const ALL_SECTORS = "all";

/** Site + sector switcher in the header; the choice is kept in cookies and scopes planner/writer pages. */
export function WorkspaceSwitcher({ selection }: { selection: Selection }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(siteId: number, sectorId: number | null) {
    startTransition(async () => {
      const result = await selectWorkspaceAction({ siteId, sectorId });
      if (!result.ok) toast.error(result.message);
      router.refresh();
    });
  }

  if (!selection.sites.length) return <span className="text-sm text-muted-foreground">No sites yet</span>;

  return (
    <div className="flex min-w-0 items-center gap-2" aria-busy={pending}>
      <Select value={String(selection.site?.id ?? "")} onValueChange={(v) => choose(Number(v), null)}>
        <SelectTrigger aria-label="Site" className="h-9 w-auto min-w-0 max-w-48 flex-1 sm:w-48 sm:flex-none">
          <Globe className="hidden size-4 text-muted-foreground sm:block" aria-hidden />
          <SelectValue placeholder="Choose a site" />
        </SelectTrigger>
        <SelectContent>
          {selection.sites.map((site) => (
            <SelectItem key={site.id} value={String(site.id)}>
              {site.name}
              {!site.isActive && " (inactive)"}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Select
        value={selection.sector ? String(selection.sector.id) : ALL_SECTORS}
        onValueChange={(v) => selection.site && choose(selection.site.id, v === ALL_SECTORS ? null : Number(v))}
        disabled={!selection.site || !selection.sectors.length}
      >
        <SelectTrigger aria-label="Sector" className="h-9 w-auto min-w-0 max-w-44 flex-1 sm:w-44 sm:flex-none">
          <Layers className="hidden size-4 text-muted-foreground sm:block" aria-hidden />
          <SelectValue placeholder={selection.sectors.length ? "All sectors" : "No sectors"} />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL_SECTORS}>All sectors</SelectItem>
          {selection.sectors.map((sector) => (
            <SelectItem key={sector.id} value={String(sector.id)}>
              {sector.name}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
