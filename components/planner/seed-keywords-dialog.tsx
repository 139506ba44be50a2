"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Sprout } from "lucide-react";
import { toast } from "sonner";
import { toastError } from "@/components/forms/toast-error";
import { addSeedKeywordsAction, listSeedKeywordsAction } from "@/lib/planner/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { SectorSelect } from "./sector-select";
import { initialSectorId, type Workspace } from "./workspace";

type Seed = { id: number; keyword: string; volume: number; difficulty: number; intent: string };

export function SeedKeywordsDialog({ workspace }: { workspace: Workspace }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [sectorId, setSectorId] = useState(initialSectorId(workspace));
  const [seeds, setSeeds] = useState<Seed[] | null>(null);
  const [chosen, setChosen] = useState<number[]>([]);
  const [pending, startTransition] = useTransition();

  async function load(id: number | null) {
    setSeeds(null);
    if (!id) return;
    const result = await listSeedKeywordsAction({ siteId: workspace.site.id, sectorId: id });
    if (result.ok) {
      setSeeds(result.data);
      setChosen(result.data.map((s) => s.id));
    } else toast.error(result.message);
  }

  const add = () =>
    startTransition(async () => {
      if (!sectorId) return;
      const result = await addSeedKeywordsAction({ siteId: workspace.site.id, sectorId, seedKeywordIds: chosen });
      if (!result.ok) return void toastError(result);
      toast.success(result.message);
      setOpen(false);
      router.refresh();
    });

  return (
    <Dialog open={open} onOpenChange={(next) => { setOpen(next); if (next) void load(sectorId); }}>
      <DialogTrigger asChild>
        <Button variant="outline"><Sprout className="size-4" /> Seed keywords</Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Start from seed keywords</DialogTitle>
          <DialogDescription>Curated keywords for the sector&apos;s industry, with volume, difficulty and intent.</DialogDescription>
        </DialogHeader>
        <SectorSelect sectors={workspace.sectors} value={sectorId} onChange={(id) => { setSectorId(id); void load(id); }} id="seed-sector" />
        <div className="max-h-80 space-y-1 overflow-auto rounded-md border p-2">
          {!seeds ? (
            <div className="flex justify-center p-6"><Spinner /></div>
          ) : seeds.length === 0 ? (
            <p className="p-4 text-sm text-muted-foreground">This sector has no seed keywords. Pick the site&apos;s industry and sectors in the site settings.</p>
          ) : (
            seeds.map((seed) => (
              <label key={seed.id} className="flex items-center gap-3 rounded px-2 py-1.5 text-sm hover:bg-accent">
                <Checkbox aria-label={seed.keyword} checked={chosen.includes(seed.id)} onCheckedChange={(c) => setChosen((cur) => (c === true ? [...cur, seed.id] : cur.filter((id) => id !== seed.id)))} />
                <span className="flex-1">{seed.keyword}</span>
                <Badge variant="outline">{seed.intent}</Badge>
                <span className="w-16 text-right tabular-nums text-muted-foreground">{seed.volume.toLocaleString("en-US")}</span>
                <span className="w-10 text-right tabular-nums text-muted-foreground">{seed.difficulty}</span>
              </label>
            ))
          )}
        </div>
        <DialogFooter>
          <Button onClick={add} disabled={pending || !chosen.length}>{pending ? "Adding…" : `Add ${chosen.length} keyword${chosen.length === 1 ? "" : "s"}`}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
