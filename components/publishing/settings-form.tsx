"use client";

import { useState } from "react";
import { updatePublishingSettingsAction } from "@/lib/publishing/actions";
import type { PublishingSettingsDto } from "@/lib/publishing/settings";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

export function PublishingSettingsForm({ siteId, settings, destinations, disabled }: { siteId: number; settings: PublishingSettingsDto; destinations: { key: string; label: string }[]; disabled: boolean }) {
  const { run, pending } = useAction();
  const [chosen, setChosen] = useState(new Set(settings.defaultDestinations));
  const [status, setStatus] = useState(settings.defaultStatus);
  const [auto, setAuto] = useState(settings.autoPublishOn);
  const [defaultCategory, setDefaultCategory] = useState(settings.defaultCategory);
  const [mapping, setMapping] = useState(Object.entries(settings.categoryMapping).map(([k, v]) => `${k} = ${v}`).join("\n"));
  function submit(e: React.FormEvent) {
    e.preventDefault();
    const categoryMapping = Object.fromEntries(mapping.split("\n").map((line) => line.split("=").map((s) => s.trim())).filter((p) => p.length === 2 && p[0] && p[1]));
    run(() => updatePublishingSettingsAction({ siteId, defaultDestinations: [...chosen], defaultStatus: status, autoPublishOn: auto, defaultCategory, categoryMapping }));
  }
  return (
    <form onSubmit={submit} className="max-w-2xl space-y-6">
      <fieldset className="space-y-2" disabled={disabled}>
        <legend className="text-sm font-medium">Default destinations</legend>
        <p className="text-xs text-muted-foreground">Used when you publish without choosing, and by automatic publishing.</p>
        {destinations.map((d) => (
          <label key={d.key} className="flex items-center gap-2 text-sm">
            <Checkbox checked={chosen.has(d.key)} onCheckedChange={(v) => setChosen((s) => { const next = new Set(s); if (v) next.add(d.key); else next.delete(d.key); return next; })} aria-label={d.label} />
            {d.label}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <Label>Default status</Label>
          <Select value={status} onValueChange={(v) => setStatus(v as typeof status)} disabled={disabled}>
            <SelectTrigger aria-label="Default status"><SelectValue /></SelectTrigger>
            <SelectContent><SelectItem value="publish">Published</SelectItem><SelectItem value="draft">Draft on the destination</SelectItem></SelectContent>
          </Select>
        </div>
        <div className="space-y-1.5">
          <Label>Publish automatically</Label>
          <Select value={auto} onValueChange={(v) => setAuto(v as typeof auto)} disabled={disabled}>
            <SelectTrigger aria-label="Publish automatically"><SelectValue /></SelectTrigger>
            <SelectContent><SelectItem value="none">Never (publish by hand)</SelectItem><SelectItem value="review">When an article reaches review</SelectItem><SelectItem value="published">When an article is marked published</SelectItem></SelectContent>
          </Select>
        </div>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="default-category">Default category</Label>
        <Input id="default-category" value={defaultCategory} onChange={(e) => setDefaultCategory(e.target.value)} placeholder="e.g. Blog" disabled={disabled} />
        <p className="text-xs text-muted-foreground">For articles without a category.</p>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="category-mapping">Category mapping</Label>
        <Textarea id="category-mapping" rows={4} value={mapping} onChange={(e) => setMapping(e.target.value)} placeholder={"Raised beds = Gardening\nSoil = Gardening"} disabled={disabled} />
        <p className="text-xs text-muted-foreground">One per line: <code>app category or cluster = destination category</code>.</p>
      </div>
      {!disabled && <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save publishing settings"}</Button>}
    </form>
  );
}
