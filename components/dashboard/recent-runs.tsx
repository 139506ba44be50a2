import Link from "next/link";
import { History } from "lucide-react";
import type { RunDto } from "@/lib/runs/service";
import { formatDateTime, STATUS_BADGE } from "@/components/runs/format";
import { RUN_KIND_LABELS, RUN_STATUS_LABELS } from "@/components/runs/labels";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";

export function RecentRuns({ runs }: { runs: RunDto[] }) {
  if (!runs.length) {
    return <EmptyState icon={History} className="py-8" title="No runs yet" description="AI clustering, ideas, articles and images run in the background; they show up here with their progress and cost." />;
  }
  return (
    <ul className="divide-y">
      {runs.map((r) => (
        <li key={r.id} className="flex items-start justify-between gap-3 py-2.5 text-sm">
          <div className="min-w-0">
            <Link href={`/runs/${r.id}`} className="font-medium hover:underline">
              {RUN_KIND_LABELS[r.kind] ?? r.kind}
            </Link>
            <p className="truncate text-xs text-muted-foreground" title={r.error ?? r.message}>
              {r.error ?? r.message}
            </p>
          </div>
          <div className="flex shrink-0 flex-col items-end gap-1">
            <Badge variant={STATUS_BADGE[r.status]}>{RUN_STATUS_LABELS[r.status]}</Badge>
            <span className="text-xs text-muted-foreground tabular-nums">
              {formatDateTime(r.createdAt)}
              {r.credits ? ` · ${r.credits} cr` : ""}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
