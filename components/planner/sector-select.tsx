"use client";

import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

/** Which sector new planner items go to (preselected from the header's sector). */
export function SectorSelect({ sectors, value, onChange, id = "sector" }: { sectors: { id: number; name: string }[]; value: number | null; onChange: (id: number) => void; id?: string }) {
  return (
    <div className="space-y-2">
      <Label htmlFor={id}>Sector</Label>
      <Select value={value ? String(value) : undefined} onValueChange={(v) => onChange(Number(v))}>
        <SelectTrigger id={id} className="w-full"><SelectValue placeholder="Choose a sector" /></SelectTrigger>
        <SelectContent>{sectors.map((s) => <SelectItem key={s.id} value={String(s.id)}>{s.name}</SelectItem>)}</SelectContent>
      </Select>
    </div>
  );
}
