"use client";

import { CheckCircle2, CircleAlert, XCircle } from "lucide-react";
import { deploySiteAction } from "@/lib/publishing/actions";
import type { Readiness } from "@/lib/publishing/deployments";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";

export function DeployPanel({ siteId, readiness, canWrite }: { siteId: number; readiness: Readiness; canWrite: boolean }) {
  const { run, pending } = useAction();
  return (
    <div className="space-y-3">
      <ul className="space-y-1 text-sm" aria-label="Readiness">
        {readiness.checks.map((c) => (
          <li key={c.name} className="flex gap-2">
            {c.ok ? <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-emerald-600" /> : c.blocking ? <XCircle className="mt-0.5 size-4 shrink-0 text-destructive" /> : <CircleAlert className="mt-0.5 size-4 shrink-0 text-amber-600" />}
            <span>{c.detail}</span>
          </li>
        ))}
      </ul>
      {canWrite && <Button disabled={pending || !readiness.ready} onClick={() => run(() => deploySiteAction({ siteId }))}>{pending ? "Deploying…" : "Deploy site"}</Button>}
    </div>
  );
}
