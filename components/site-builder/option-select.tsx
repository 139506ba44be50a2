"use client";

import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { OptionRow } from "@/lib/site-builder/metadata";

/** One of the wizard's option lists (business type, audience, brand personality, hero imagery). */
export function OptionSelect({ id, label, options, value, onChange }: { id: string; label: string; options: OptionRow[]; value: string; onChange: (slug: string) => void }) {
  const chosen = options.find((o) => o.slug === value);
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select value={value || undefined} onValueChange={onChange}>
        <SelectTrigger id={id} className="w-full"><SelectValue placeholder="Choose…" /></SelectTrigger>
        <SelectContent>{options.map((o) => <SelectItem key={o.slug} value={o.slug}>{o.name}</SelectItem>)}</SelectContent>
      </Select>
      {chosen?.description && <p className="text-xs text-muted-foreground">{chosen.description}</p>}
    </div>
  );
}
