"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { toastError } from "@/components/forms/toast-error";
import { createIdeaAction, updateIdeaAction } from "@/lib/planner/actions";
import type { IdeaRow } from "@/lib/planner/ideas";
import { CONTENT_STRUCTURES, CONTENT_TYPES, IDEA_STATUSES } from "@/lib/planner/schemas";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { capitalize } from "./filters";
import { SectorSelect } from "./sector-select";
import { initialSectorId, type Workspace } from "./workspace";

type Props = { workspace: Workspace; clusters: { id: number; name: string; sectorId: number }[]; idea?: IdeaRow; onClose: () => void };
const NO_CLUSTER = "none";

function Choice({ id, label, value, values, onChange }: { id: string; label: string; value: string; values: readonly string[]; onChange: (v: string) => void }) {
  return (
    <div className="space-y-2">
      <Label htmlFor={id}>{label}</Label>
      <Select value={value} onValueChange={onChange}>
        <SelectTrigger id={id} className="w-full"><SelectValue /></SelectTrigger>
        <SelectContent>{values.map((v) => <SelectItem key={v} value={v}>{capitalize(v)}</SelectItem>)}</SelectContent>
      </Select>
    </div>
  );
}

/** Create (no idea) or edit an idea. */
export function IdeaDialog({ workspace, clusters, idea, onClose }: Props) {
  const router = useRouter();
  const [sectorId, setSectorId] = useState(idea?.sectorId ?? initialSectorId(workspace));
  const [form, setForm] = useState({
    title: idea?.title ?? "",
    description: idea?.description ?? "",
    clusterId: idea?.clusterId ? String(idea.clusterId) : NO_CLUSTER,
    contentType: idea?.contentType ?? "post",
    contentStructure: idea?.contentStructure ?? "article",
    targetKeywords: idea?.targetKeywords ?? "",
    estimatedWordCount: String(idea?.estimatedWordCount ?? 1500),
    status: idea?.status ?? "new",
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const save = () =>
    startTransition(async () => {
      const fields = {
        title: form.title,
        description: form.description,
        clusterId: form.clusterId === NO_CLUSTER ? null : Number(form.clusterId),
        contentType: form.contentType as (typeof CONTENT_TYPES)[number],
        contentStructure: form.contentStructure as (typeof CONTENT_STRUCTURES)[number],
        targetKeywords: form.targetKeywords,
        estimatedWordCount: Number(form.estimatedWordCount),
        status: form.status as (typeof IDEA_STATUSES)[number],
      };
      const result = idea ? await updateIdeaAction({ id: idea.id, ...fields }) : await createIdeaAction({ ...fields, siteId: workspace.site.id, sectorId: sectorId ?? 0 });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        return void toastError(result);
      }
      toast.success(result.message);
      router.refresh();
      onClose();
    });

  const sectorClusters = clusters.filter((c) => c.sectorId === sectorId);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{idea ? "Edit idea" : "New content idea"}</DialogTitle>
          <DialogDescription>An article or page to write, usually for one cluster.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-2 sm:col-span-2">
            <Label htmlFor="idea-title">Title</Label>
            <Input id="idea-title" value={form.title} onChange={(e) => set("title")(e.target.value)} aria-invalid={Boolean(errors.title)} />
            {errors.title && <p className="text-sm text-destructive">{errors.title[0]}</p>}
          </div>
          {!idea && <SectorSelect sectors={workspace.sectors} value={sectorId} onChange={(id) => { setSectorId(id); set("clusterId")(NO_CLUSTER); }} id="idea-sector" />}
          <div className="space-y-2">
            <Label htmlFor="idea-cluster">Cluster</Label>
            <Select value={form.clusterId} onValueChange={set("clusterId")}>
              <SelectTrigger id="idea-cluster" className="w-full"><SelectValue /></SelectTrigger>
              <SelectContent>
                <SelectItem value={NO_CLUSTER}>No cluster</SelectItem>
                {sectorClusters.map((c) => <SelectItem key={c.id} value={String(c.id)}>{c.name}</SelectItem>)}
              </SelectContent>
            </Select>
          </div>
          <Choice id="idea-type" label="Content type" value={form.contentType} values={CONTENT_TYPES} onChange={set("contentType")} />
          <Choice id="idea-structure" label="Structure" value={form.contentStructure} values={CONTENT_STRUCTURES} onChange={set("contentStructure")} />
          <div className="space-y-2">
            <Label htmlFor="idea-words">Estimated words</Label>
            <Input id="idea-words" type="number" min={100} max={20000} step={100} value={form.estimatedWordCount} onChange={(e) => set("estimatedWordCount")(e.target.value)} aria-invalid={Boolean(errors.estimatedWordCount)} />
            {errors.estimatedWordCount && <p className="text-sm text-destructive">{errors.estimatedWordCount[0]}</p>}
          </div>
          {idea && <Choice id="idea-status" label="Status" value={form.status} values={IDEA_STATUSES} onChange={set("status")} />}
          <div className="space-y-2 sm:col-span-2">
            <Label htmlFor="idea-keywords">Target keywords</Label>
            <Input id="idea-keywords" placeholder="trail running shoes, best trail shoes" value={form.targetKeywords} onChange={(e) => set("targetKeywords")(e.target.value)} />
          </div>
          <div className="space-y-2 sm:col-span-2">
            <Label htmlFor="idea-description">Brief</Label>
            <Textarea id="idea-description" rows={4} value={form.description} onChange={(e) => set("description")(e.target.value)} placeholder="Angle, audience, what the article must cover." />
          </div>
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>Cancel</Button>
          <Button onClick={save} disabled={pending || !form.title.trim()}>{pending ? "Saving…" : idea ? "Save idea" : "Add idea"}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
