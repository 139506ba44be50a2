import { Progress } from "@/components/ui/progress";

/** "Used / allowed" with a bar that turns amber at 75% and red at 90%. */
export function UsageBar({ label, used, max, unit }: { label: string; used: number; max: number; unit: string }) {
  const pct = max > 0 ? Math.min(100, Math.round((used / max) * 100)) : 100;
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span>{label}</span>
        <span className="tabular-nums text-muted-foreground">
          {used.toLocaleString("en-US")} / {max.toLocaleString("en-US")} {unit} <span className="text-xs">({pct}%)</span>
        </span>
      </div>
      <Progress value={pct} aria-label={`${label}: ${pct}% used`} indicatorClassName={pct >= 90 ? "bg-destructive" : pct >= 75 ? "bg-warning" : undefined} />
    </div>
  );
}
