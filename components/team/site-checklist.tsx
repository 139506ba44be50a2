"use client";

import { Checkbox } from "@/components/ui/checkbox";

export function SiteChecklist({ sites, value, onChange }: { sites: { id: number; name: string }[]; value: number[]; onChange: (ids: number[]) => void }) {
  if (!sites.length) return <p className="text-sm text-muted-foreground">No sites yet.</p>;
  return (
    <div className="grid max-h-48 gap-2 overflow-auto sm:grid-cols-2">
      {sites.map((site) => (
        <label key={site.id} className="flex items-center gap-2 rounded-md border p-2 text-sm">
          <Checkbox
            aria-label={site.name}
            checked={value.includes(site.id)}
            onCheckedChange={(checked) => onChange(checked === true ? [...value, site.id] : value.filter((id) => id !== site.id))}
          />
          {site.name}
        </label>
      ))}
    </div>
  );
}
