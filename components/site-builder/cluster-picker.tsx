"use client";

import { useState } from "react";
import { setBlueprintClustersAction } from "@/lib/site-builder/actions";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";

/** Attach or detach the sector's clusters at any time; the next structure generation uses them. */
export function ClusterPicker({ blueprintId, clusters, attached, canWrite }: { blueprintId: number; clusters: { id: number; name: string; keywordsCount: number }[]; attached: number[]; canWrite: boolean }) {
  const [picked, setPicked] = useState(attached);
  const { run, pending } = useAction();
  const attach = picked.filter((id) => !attached.includes(id));
  const detach = attached.filter((id) => !picked.includes(id));
  if (!clusters.length) return <p className="text-sm text-muted-foreground">This sector has no clusters yet: cluster its keywords in the Planner first.</p>;
  return (
    <div className="space-y-3">
      <div className="grid max-h-64 gap-1 overflow-y-auto">
        {clusters.map((c) => (
          <label key={c.id} className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-muted">
            <Checkbox disabled={!canWrite} checked={picked.includes(c.id)} onCheckedChange={(v) => setPicked((p) => (v ? [...p, c.id] : p.filter((id) => id !== c.id)))} />
            <span className="truncate">{c.name}</span>
            <span className="ml-auto text-xs text-muted-foreground">{c.keywordsCount} kw</span>
          </label>
        ))}
      </div>
      {canWrite && <Button size="sm" variant="outline" disabled={pending || (!attach.length && !detach.length)} onClick={() => run(() => setBlueprintClustersAction({ id: blueprintId, attach, detach }))}>Save clusters</Button>}
    </div>
  );
}
