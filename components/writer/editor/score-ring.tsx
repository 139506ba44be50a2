import { cn } from "@/lib/utils/cn";

/** Score bands shared by the ring, the badges and the checks list. */
export function scoreTone(score: number): "good" | "ok" | "bad" {
  return score >= 80 ? "good" : score >= 50 ? "ok" : "bad";
}

const TONE = { good: "text-success", ok: "text-warning", bad: "text-destructive" } as const;

/** The 0–100 SEO score as a ring; `label` names it for screen readers. */
export function ScoreRing({ score, size = 72, label = "SEO score" }: { score: number; size?: number; label?: string }) {
  const stroke = size / 10;
  const r = (size - stroke) / 2;
  const c = 2 * Math.PI * r;
  const value = Math.max(0, Math.min(100, Math.round(score)));
  return (
    <div className="relative shrink-0" style={{ width: size, height: size }} role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} data-testid="seo-score">
      <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} className="-rotate-90" aria-hidden>
        <circle cx={size / 2} cy={size / 2} r={r} fill="none" strokeWidth={stroke} className="stroke-muted" />
        <circle
          cx={size / 2}
          cy={size / 2}
          r={r}
          fill="none"
          strokeWidth={stroke}
          strokeLinecap="round"
          strokeDasharray={`${(value / 100) * c} ${c}`}
          className={cn("stroke-current transition-[stroke-dasharray] duration-500", TONE[scoreTone(value)])}
        />
      </svg>
      <span className="absolute inset-0 flex flex-col items-center justify-center leading-none">
        <span className="text-xl font-semibold tabular-nums">{value}</span>
        <span className="text-[10px] text-muted-foreground">/ 100</span>
      </span>
    </div>
  );
}
