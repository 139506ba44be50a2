"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { Coins } from "lucide-react";
import { estimateCostAction } from "@/lib/billing/actions";
import type { EstimateDto, EstimatedOperation } from "@/lib/billing/estimate";
import { cn } from "@/lib/utils/cn";

const n = (v: number) => v.toLocaleString("en-US");
const range = (r: { min: number; max: number }) => (r.min === r.max ? n(r.min) : `${n(r.min)}–${n(r.max)}`);

/** "Estimated cost: 30 credits · balance after: 470": shown in every paid action's confirmation. */
export function CostEstimate({ operation, ids, className }: { operation: EstimatedOperation; ids: number[]; className?: string }) {
  const key = ids.join(",");
  const [state, setState] = useState<{ key: string; data?: EstimateDto; error?: string } | null>(null);
  useEffect(() => {
    let live = true;
    estimateCostAction({ operation, ids: key.split(",").map(Number) })
      .then((r) => live && setState(r.ok ? { key, data: r.data } : { key, error: r.message }))
      .catch(() => live && setState({ key, error: "Could not estimate the cost." }));
    return () => {
      live = false;
    };
  }, [operation, key]);
  const current = state?.key === key ? state : null;
  const e = current?.data;
  return (
    <div data-testid="cost-estimate" aria-live="polite" className={cn("flex items-start gap-2 rounded-md border bg-muted/40 px-3 py-2 text-sm", e && !e.enough && "border-destructive/50 text-destructive", className)}>
      <Coins className="mt-0.5 size-4 shrink-0 opacity-70" aria-hidden />
      {!current ? (
        <span className="text-muted-foreground">Estimating the cost…</span>
      ) : !e ? (
        <span>{current.error}</span>
      ) : (
        <span>
          Estimated cost: <strong className="tabular-nums">{range(e.credits)} credit{e.credits.max === 1 ? "" : "s"}</strong>
          <span className="text-muted-foreground"> ({n(e.units)} {e.unit}{e.units === 1 || e.unit.endsWith("s") ? "" : "s"})</span>. Balance after:{" "}
          <strong className="tabular-nums">{range(e.balanceAfter)}</strong> <span className="text-muted-foreground">of {n(e.balance)}</span>.
          {e.note && <span className="block text-xs text-muted-foreground">{e.note}</span>}
          {!e.enough && (
            <span className="block text-xs">
              Not enough credits for all of it: <Link href="/billing" className="underline">add credits</Link>.
            </span>
          )}
        </span>
      )}
    </div>
  );
}
