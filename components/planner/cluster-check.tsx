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

type CheckState = Pick<ClusterRow, "status" | "source" | "confidence" | "checkedAt">;

const checkedOn = (at: Date | string) => new Date(at).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** "check" on a cluster that needs a person's check, "checked" on one a person kept, else nothing. */
export function CheckBadge({ cluster }: { cluster: CheckState }) {
  if (needsCheck(cluster)) {
    return <Badge variant="warning" title="Its keywords are less alike: about a third of local clusters this loose mix two pages. Read its keywords, move out the ones that belong elsewhere, then mark it checked.">check</Badge>;
  }
  if (cluster.checkedAt) return <Badge variant="outline" title={`Checked on ${checkedOn(cluster.checkedAt)}: “Rebuild” keeps it.`}>checked</Badge>;
  return null;
}

/** On the keywords of one local cluster: whether it still needs a person's check, and the button that records it. */
export function ClusterCheck({ cluster, canWrite }: { cluster: CheckState & { id: number }; canWrite: boolean }) {
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
      <CheckBadge cluster={cluster} />
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
