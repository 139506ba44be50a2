"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import { toastError } from "@/components/forms/toast-error";
import { addKeywordLinesAction } from "@/lib/planner/actions";
import type { AddManyReport } from "@/lib/planner/keywords";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { SectorSelect } from "./sector-select";
import { initialSectorId, type Workspace } from "./workspace";

export function AddKeywordsDialog({ workspace }: { workspace: Workspace }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [sectorId, setSectorId] = useState(initialSectorId(workspace));
  const [text, setText] = useState("");
  const [report, setReport] = useState<AddManyReport | null>(null);
  const [pending, startTransition] = useTransition();
  const lines = text.split("\n").filter((l) => l.trim()).length;

  const submit = () =>
    startTransition(async () => {
      if (!sectorId) return void toast.error("Choose a sector.");
      const result = await addKeywordLinesAction({ siteId: workspace.site.id, sectorId, text });
      if (!result.ok) return void toastError(result);
      toast.success(result.message);
      setReport(result.data);
      router.refresh();
      if (!result.data.invalid.length) {
        setText("");
        setOpen(false);
      }
    });

  return (
    <Dialog open={open} onOpenChange={(next) => { setOpen(next); if (!next) setReport(null); }}>
      <DialogTrigger asChild>
        <Button><Plus className="size-4" /> Add keywords</Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Add keywords</DialogTitle>
          <DialogDescription>One keyword per line. Optionally add a volume and difficulty: <code>garden tools, 1300, 40</code>. Duplicates are skipped.</DialogDescription>
        </DialogHeader>
        <div className="space-y-4">
          <SectorSelect sectors={workspace.sectors} value={sectorId} onChange={setSectorId} id="add-sector" />
          <div className="space-y-2">
            <Label htmlFor="keyword-lines">Keywords</Label>
            <Textarea id="keyword-lines" rows={10} value={text} onChange={(e) => setText(e.target.value)} placeholder={"raised garden beds\nhow to start a vegetable garden, 14800, 38\ncompost bin"} className="font-mono text-sm" />
            <p className="text-xs text-muted-foreground">{lines.toLocaleString("en-US")} line{lines === 1 ? "" : "s"}</p>
          </div>
          {report && report.invalid.length > 0 && (
            <div className="rounded-md border border-destructive/30 bg-destructive/5 p-3 text-sm">
              <p className="font-medium text-destructive">{report.invalid.length} line{report.invalid.length === 1 ? " was" : "s were"} not added:</p>
              <ul className="mt-1 max-h-32 overflow-auto text-xs">
                {report.invalid.map((i) => <li key={i.line}>Line {i.line} (“{i.text}”): {i.reason}</li>)}
              </ul>
            </div>
          )}
        </div>
        <DialogFooter>
          <Button onClick={submit} disabled={pending || !lines}>{pending ? "Adding…" : `Add ${lines ? lines.toLocaleString("en-US") : ""} keyword${lines === 1 ? "" : "s"}`}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
