"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import { createClusterAction } from "@/lib/planner/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { SectorSelect } from "./sector-select";
import { initialSectorId, type Workspace } from "./workspace";

export function NewClusterDialog({ workspace }: { workspace: Workspace }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [sectorId, setSectorId] = useState(initialSectorId(workspace));
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const submit = () =>
    startTransition(async () => {
      if (!sectorId) return setError("Choose a sector.");
      const result = await createClusterAction({ siteId: workspace.site.id, sectorId, name, description });
      if (!result.ok) return setError(result.fieldErrors?.name?.[0] ?? result.message);
      toast.success(result.message);
      setOpen(false);
      setName("");
      setDescription("");
      router.refresh();
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button><Plus className="size-4" /> New cluster</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New cluster</DialogTitle>
          <DialogDescription>Group keywords that one page should rank for. Add keywords to it from the Keywords page.</DialogDescription>
        </DialogHeader>
        <div className="space-y-4">
          <SectorSelect sectors={workspace.sectors} value={sectorId} onChange={setSectorId} id="cluster-sector" />
          <div className="space-y-2">
            <Label htmlFor="cluster-name">Name</Label>
            <Input id="cluster-name" value={name} onChange={(e) => { setName(e.target.value); setError(undefined); }} aria-invalid={Boolean(error)} />
            {error && <p className="text-sm text-destructive">{error}</p>}
          </div>
          <div className="space-y-2">
            <Label htmlFor="cluster-description">Description</Label>
            <Textarea id="cluster-description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
        </div>
        <DialogFooter><Button onClick={submit} disabled={pending || !name.trim()}>{pending ? "Creating…" : "Create cluster"}</Button></DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
