"use client";

import { useState, useTransition } from "react";
import { Network } from "lucide-react";
import { toast } from "sonner";
import { clusterLocallyAction } from "@/lib/planner/actions";
import { useRunTracker } from "@/components/runs/run-progress-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { SectorSelect } from "./sector-select";
import { initialSectorId, type Workspace } from "./workspace";

const TIGHTNESS = [
  { value: "0.35", label: "Broad topics — fewer, bigger clusters", help: "Groups keywords about the same topic even when they ask for different things (“espresso machine”, “best espresso grinder”). Good for planning a hub and its articles; check the clusters for strays." },
  { value: "0.5", label: "Balanced (recommended)", help: "Aims at one cluster per page you would write: keywords that a single article or product page can rank for. A “best …” list, a how-to and a shop page stay apart, and so do subjects your list never combines in one keyword (tomato vs pepper). Keywords that fit nowhere are left unclustered for you to sort." },
  { value: "0.65", label: "Close variants only — many small clusters", help: "Only near-duplicates go together (“running shoes women”, “women's running shoes”). Use it to find keywords one page should cover; expect more keywords left unclustered." },
];
const describeSetting = (value: string) =>
  TIGHTNESS.find((t) => t.value === value)?.help ?? `Custom: ${Number(value).toFixed(2)} of 1. Lower puts more keywords together, higher keeps only very similar ones.`;

/** "Cluster locally": deterministic, no AI, no credits; runs in the background with progress. */
export function ClusterLocallyDialog({ workspace }: { workspace: Workspace }) {
  const { track } = useRunTracker();
  const [open, setOpen] = useState(false);
  const [sectorId, setSectorId] = useState(initialSectorId(workspace));
  const [threshold, setThreshold] = useState("0.5");
  const [mode, setMode] = useState<"unclustered" | "rebuild">("unclustered");
  const [minClusterSize, setMinClusterSize] = useState("2");
  const [pending, startTransition] = useTransition();
  const start = () =>
    startTransition(async () => {
      if (!sectorId) return void toast.error("Choose a sector.");
      const result = await clusterLocallyAction({ siteId: workspace.site.id, sectorId, threshold: Number(threshold), mode, minClusterSize: Number(minClusterSize) });
      if (!result.ok) return void toast.error(result.message);
      toast.success(result.message);
      track(result.data.id, "Local clustering");
      setOpen(false);
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline"><Network className="size-4" /> Cluster locally</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Cluster keywords locally</DialogTitle>
          <DialogDescription>Groups keywords by the words and intent they share, names each cluster after its biggest keyword and scores its cohesion. Runs on this server: no AI, no credits, 100,000 keywords in seconds.</DialogDescription>
        </DialogHeader>
        <div className="space-y-4">
          <SectorSelect sectors={workspace.sectors} value={sectorId} onChange={setSectorId} id="local-sector" />
          <div className="space-y-2">
            <Label htmlFor="local-threshold">How similar keywords must be</Label>
            <Select value={threshold} onValueChange={setThreshold}>
              <SelectTrigger id="local-threshold" className="w-full"><SelectValue /></SelectTrigger>
              <SelectContent>{TIGHTNESS.map((t) => <SelectItem key={t.value} value={t.value}>{t.label}</SelectItem>)}</SelectContent>
            </Select>
            <Input aria-label="Similarity threshold" type="range" min={0.1} max={0.95} step={0.05} value={threshold} onChange={(e) => setThreshold(e.target.value)} />
            <p className="text-xs text-muted-foreground">{describeSetting(threshold)} Each cluster gets a confidence score (how alike its keywords are in words and intent), shown in the clusters list.</p>
            <p className="rounded-md bg-muted px-3 py-2 text-xs text-muted-foreground">
              It reads words, not meaning: it cannot know that “auto” and “car” are one thing, or that a “battery maintainer” is not a car battery. Read the clusters before you plan pages from them, or select keywords and use <span className="font-medium text-foreground">Auto-cluster (AI)</span>, which knows synonyms and product types (it costs credits).
            </p>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="space-y-2">
              <Label htmlFor="local-mode">Keywords</Label>
              <Select value={mode} onValueChange={(v) => setMode(v as typeof mode)}>
                <SelectTrigger id="local-mode" className="w-full"><SelectValue /></SelectTrigger>
                <SelectContent>
                  <SelectItem value="unclustered">Only those in no cluster</SelectItem>
                  <SelectItem value="rebuild">Rebuild earlier local clusters</SelectItem>
                </SelectContent>
              </Select>
              {mode === "rebuild" && <p className="text-xs text-muted-foreground">Clusters you marked checked, made by hand or with AI stay as they are.</p>}
            </div>
            <div className="space-y-2">
              <Label htmlFor="local-min">Smallest cluster (keywords)</Label>
              <Input id="local-min" type="number" min={2} max={50} value={minClusterSize} onChange={(e) => setMinClusterSize(e.target.value)} />
            </div>
          </div>
        </div>
        <DialogFooter><Button onClick={start} disabled={pending}>{pending ? "Starting…" : "Start clustering"}</Button></DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
