"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { CircleCheck, RotateCcw } from "lucide-react";
import { toast } from "sonner";
import { checkClustersAction } from "@/lib/planner/actions";
import { needsCheck } from "@/lib/planner/clustering/types";
import type { ClusterRow } from "@/lib/planner/clusters";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

/** On the keywords of one local cluster: whether it still needs a person's check, and the button that records it. */
export function ClusterCheck({ cluster, canWrite }: { cluster: Pick<ClusterRow, "id" | "status" | "source" | "confidence" | "checkedAt">; canWrite: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const checked = cluster.checkedAt !== null;
  const setChecked = (value: boolean) =>
    startTransition(async () => {
      const result = await checkClustersAction({ ids: [cluster.id], checked: value });
      if (result.ok) toast.success(result.message);
      else toast.error(result.message);
      router.refresh();
    });
  return (
    <div className="flex items-center gap-2 text-sm text-muted-foreground">
      {needsCheck(cluster) && <Badge variant="warning">check</Badge>}
      {checked && <Badge variant="outline">checked</Badge>}
      {cluster.confidence !== null && <span>{Math.round(cluster.confidence * 100)}% confidence</span>}
      {canWrite &&
        (checked ? (
          <Button variant="ghost" size="sm" disabled={pending} onClick={() => setChecked(false)}><RotateCcw />Check again</Button>
        ) : (
          <Button variant="outline" size="sm" disabled={pending} onClick={() => setChecked(true)}><CircleCheck />Mark checked</Button>
        ))}
    </div>
  );
}
