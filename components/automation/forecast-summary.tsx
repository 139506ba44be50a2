import { ACTION_LABELS, type AutomationAction } from "@/lib/automation/schemas";

export type ForecastView = {
  actions: { action: string; itemsLow: number; itemsHigh: number; creditsLow: number; creditsHigh: number }[];
  creditsLow: number;
  creditsHigh: number;
  publishesLow: number;
  publishesHigh: number;
  picked: { kind: string; count: number; sample: string[] };
  budgets: { name: string; label: string; limit: number; spent: number; remaining: number }[];
  blockedBy: string | null;
  nextRuns: (string | Date)[];
};

const range = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);
export const formatWhen = (d: string | Date) => new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(d));
const KIND: Record<string, [string, string]> = { keyword: ["keyword", "keywords"], cluster: ["cluster", "clusters"], idea: ["idea", "ideas"], task: ["task", "tasks"], content: ["article", "articles"] };

/** What the next execution would pick and cost, and when it runs: shown before saving or running. */
export function ForecastSummary({ forecast, loading }: { forecast: ForecastView | null; loading?: boolean }) {
  if (!forecast) return <p className="text-sm text-muted-foreground">{loading ? "Estimating…" : "Complete the rule to see what it would cost."}</p>;
  return (
    <div className="grid gap-3 text-sm" aria-busy={loading}>
      <div>
        <p className="text-xs uppercase tracking-wide text-muted-foreground">Each run</p>
        <p className="text-2xl font-semibold tabular-nums" data-testid="forecast-credits">~{range(forecast.creditsLow, forecast.creditsHigh)} credits</p>
        <p className="text-muted-foreground">
          Picks {forecast.picked.count} {KIND[forecast.picked.kind]?.[forecast.picked.count === 1 ? 0 : 1] ?? forecast.picked.kind} now
          {forecast.publishesHigh ? `, publishes up to ${forecast.publishesHigh}` : ""}.
        </p>
      </div>
      <ul className="grid gap-1">
        {forecast.actions.map((a) => (
          <li key={a.action} className="flex justify-between gap-2">
            <span>{ACTION_LABELS[a.action as AutomationAction] ?? a.action} <span className="text-muted-foreground">×{range(a.itemsLow, a.itemsHigh)}</span></span>
            <span className="tabular-nums">{a.creditsHigh ? range(a.creditsLow, a.creditsHigh) : "free"}</span>
          </li>
        ))}
      </ul>
      {forecast.budgets.length > 0 && (
        <ul className="grid gap-1 border-t pt-2">
          {forecast.budgets.map((b) => (
            <li key={b.name} className="flex justify-between gap-2">
              <span className="first-letter:uppercase">{b.label.replace(/^the /, "")}</span>
              <span className="tabular-nums">{b.remaining} of {b.limit} left</span>
            </li>
          ))}
        </ul>
      )}
      {forecast.nextRuns.length > 0 && (
        <div className="border-t pt-2">
          <p className="text-xs uppercase tracking-wide text-muted-foreground">Next runs</p>
          <ul>{forecast.nextRuns.slice(0, 3).map((d) => <li key={String(d)}>{formatWhen(d)}</li>)}</ul>
        </div>
      )}
      {forecast.blockedBy && <p className="rounded-md bg-amber-100 p-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100">{forecast.blockedBy}</p>}
    </div>
  );
}
