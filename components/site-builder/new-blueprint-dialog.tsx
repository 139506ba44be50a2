"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import { createBlueprintAction } from "@/lib/site-builder/actions";
import type { SiteBuilderMetadata } from "@/lib/site-builder/metadata";
import { SectorSelect } from "@/components/planner/sector-select";
import type { Workspace } from "@/components/planner/workspace";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { OptionSelect } from "./option-select";

type ClusterOption = { id: number; name: string; sectorId: number; keywordsCount: number };

/** The blueprint wizard: business facts from the metadata options, and the clusters to cover. */
export function NewBlueprintDialog({ workspace, metadata, clusters }: { workspace: Workspace; metadata: SiteBuilderMetadata; clusters: ClusterOption[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [sectorId, setSectorId] = useState(workspace.sectorId ?? workspace.sectors[0]?.id ?? null);
  const [name, setName] = useState(`${workspace.site.name} site`);
  const [facts, setFacts] = useState({ businessType: "", audience: "", brandPersonality: "", heroImagery: "" });
  const [picked, setPicked] = useState<number[]>([]);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const inSector = clusters.filter((c) => c.sectorId === sectorId);
  const submit = () =>
    startTransition(async () => {
      if (!sectorId) return setError("Choose a sector.");
      const result = await createBlueprintAction({ siteId: workspace.site.id, sectorId, name, ...Object.fromEntries(Object.entries(facts).filter(([, v]) => v)), clusterIds: picked.filter((id) => inSector.some((c) => c.id === id)) });
      if (!result.ok) return setError(Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.message);
      toast.success(result.message);
      setOpen(false);
      router.push(`/site-builder/${result.data.id}`);
    });
  const set = (key: keyof typeof facts) => (slug: string) => setFacts((f) => ({ ...f, [key]: slug }));
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button><Plus className="size-4" /> New blueprint</Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>New site blueprint</DialogTitle>
          <DialogDescription>Describe the business and pick the clusters the site should cover. Nothing is generated or charged until you ask for the structure.</DialogDescription>
        </DialogHeader>
        <div className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="space-y-1.5">
              <Label htmlFor="bp-name">Name</Label>
              <Input id="bp-name" value={name} onChange={(e) => { setName(e.target.value); setError(undefined); }} aria-invalid={Boolean(error)} />
            </div>
            <SectorSelect sectors={workspace.sectors} value={sectorId} onChange={setSectorId} id="bp-sector" />
            <OptionSelect id="bp-business" label="Business type" options={metadata.businessTypes} value={facts.businessType} onChange={set("businessType")} />
            <OptionSelect id="bp-audience" label="Audience" options={metadata.audienceProfiles} value={facts.audience} onChange={set("audience")} />
            <OptionSelect id="bp-brand" label="Brand personality" options={metadata.brandPersonalities} value={facts.brandPersonality} onChange={set("brandPersonality")} />
            <OptionSelect id="bp-hero" label="Hero imagery" options={metadata.heroImageryDirections} value={facts.heroImagery} onChange={set("heroImagery")} />
          </div>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Clusters to cover</legend>
            {inSector.length ? (
              <div className="grid max-h-48 gap-1 overflow-y-auto rounded-md border p-2 sm:grid-cols-2">
                {inSector.map((c) => (
                  <label key={c.id} className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-muted">
                    <Checkbox checked={picked.includes(c.id)} onCheckedChange={(v) => setPicked((p) => (v ? [...p, c.id] : p.filter((id) => id !== c.id)))} />
                    <span className="truncate">{c.name}</span>
                    <span className="ml-auto text-xs text-muted-foreground">{c.keywordsCount}</span>
                  </label>
                ))}
              </div>
            ) : (
              <p className="text-sm text-muted-foreground">This sector has no clusters yet: cluster its keywords in the Planner first (you can attach clusters later too).</p>
            )}
          </fieldset>
          {error && <p className="text-sm text-destructive">{error}</p>}
        </div>
        <DialogFooter><Button onClick={submit} disabled={pending || !name.trim()}>{pending ? "Creating…" : "Create blueprint"}</Button></DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
