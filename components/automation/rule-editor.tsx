"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { toastError } from "@/components/forms/toast-error";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { forecastDraftAction, saveRuleAction } from "@/lib/automation/actions";
import { ACTION_LABELS, AUTOMATION_ACTIONS, AUTOMATION_EVENTS, type AutomationAction } from "@/lib/automation/schemas";
import { ForecastSummary, type ForecastView } from "./forecast-summary";

export type RuleDraft = {
  id?: number;
  name: string;
  description?: string;
  trigger: "schedule" | "event" | "manual";
  cron: string;
  timeZone: string;
  eventType: string;
  actions: AutomationAction[];
  destinations: string;
  maxPerDay: string;
  autoAcceptAbove: string;
  minVolume: string;
  maxItems: string;
  dailyBudget: string;
  monthlyBudget: string;
  siteMonthlyBudget: string;
  minScore: string;
  minWords: string;
  requireFeaturedImage: boolean;
  requireMeta: boolean;
  noPlaceholders: boolean;
};

const num = (v: string) => (v.trim() === "" ? undefined : Number(v));

/** The editor's state → the body the server validates (createRuleSchema). */
export function draftToRule(d: RuleDraft, place: { siteId: number; sectorId: number }) {
  return {
    siteId: place.siteId,
    sectorId: place.sectorId,
    name: d.name,
    description: d.description,
    trigger: d.trigger,
    cron: d.trigger === "schedule" ? d.cron : null,
    timeZone: d.timeZone,
    eventType: d.trigger === "event" ? (d.eventType as (typeof AUTOMATION_EVENTS)[number]) : null,
    conditions: { ...(num(d.minVolume) !== undefined ? { minVolume: num(d.minVolume) } : {}) },
    actions: AUTOMATION_ACTIONS.filter((a) => d.actions.includes(a)).map((type) => ({
      type,
      ...(type === "publish" && d.destinations.trim() ? { destinations: d.destinations.split(",").map((s) => s.trim()).filter(Boolean) } : {}),
      ...(type === "publish" && num(d.maxPerDay) ? { maxPerDay: num(d.maxPerDay) } : {}),
      ...(type === "optimize" && num(d.autoAcceptAbove) !== undefined ? { autoAcceptAbove: num(d.autoAcceptAbove) } : {}),
    })),
    limits: { maxItems: num(d.maxItems) ?? 5, dailyBudget: num(d.dailyBudget) ?? null, monthlyBudget: num(d.monthlyBudget) ?? null, siteMonthlyBudget: num(d.siteMonthlyBudget) ?? null },
    qualityGate: { minScore: num(d.minScore) ?? 0, minWords: num(d.minWords) ?? 0, requireFeaturedImage: d.requireFeaturedImage, noPlaceholders: d.noPlaceholders, requireMeta: d.requireMeta },
  };
}

const EVENT_LABELS: Record<string, string> = {
  "keywords.imported": "Keywords imported",
  "clusters.created": "Clusters created",
  "ideas.created": "Ideas created",
  "content.generated": "Article written",
  "content.reviewed": "Article sent to review",
};

function FieldError({ errors, name }: { errors: Record<string, string[]>; name: string }) {
  const message = Object.entries(errors).find(([k]) => k === name || k.startsWith(`${name}.`))?.[1][0];
  return message ? <p className="text-sm text-destructive" role="alert">{message}</p> : null;
}

export function RuleEditor({ open, onOpenChange, initial, place }: { open: boolean; onOpenChange: (open: boolean) => void; initial: RuleDraft; place: { siteId: number; sectorId: number } }) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [forecast, setForecast] = useState<ForecastView | null>(null);
  const [estimating, setEstimating] = useState(false);
  const [saving, startSaving] = useTransition();
  const seq = useRef(0);
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  // Live estimate while editing: debounced, the latest answer wins.
  useEffect(() => {
    if (!open) return;
    const n = ++seq.current;
    const timer = setTimeout(async () => {
      setEstimating(true);
      const result = await forecastDraftAction({ id: draft.id, rule: draftToRule(draft, place) as never });
      if (n !== seq.current) return;
      setEstimating(false);
      if (result.ok) {
        setForecast(result.data as unknown as ForecastView);
        setErrors({});
      } else {
        setForecast(null);
        setErrors(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k.replace(/^rule\./, ""), v])));
      }
    }, 400);
    return () => clearTimeout(timer);
  }, [draft, open, place]);

  function save() {
    startSaving(async () => {
      const result = await saveRuleAction({ id: draft.id, rule: draftToRule(draft, place) as never });
      if (result.ok) {
        if (result.message) toast.success(result.message);
        onOpenChange(false);
        router.refresh();
      } else {
        setErrors(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k.replace(/^rule\./, ""), v])));
        toastError(result);
      }
    });
  }

  const toggleAction = (a: AutomationAction, on: boolean) => set("actions", on ? [...draft.actions, a] : draft.actions.filter((x) => x !== a));

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[92vh] overflow-y-auto sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>{draft.id ? "Edit rule" : "New automation rule"}</DialogTitle>
          <DialogDescription>What starts it, what it does, and what it may spend. The estimate on the right updates as you edit.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-6 md:grid-cols-[1fr_280px]">
          <div className="grid gap-5">
            <div className="grid gap-2">
              <Label htmlFor="rule-name">Name</Label>
              <Input id="rule-name" value={draft.name} onChange={(e) => set("name", e.target.value)} />
              <FieldError errors={errors} name="name" />
            </div>

            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">Trigger</legend>
              <div className="flex flex-wrap gap-2">
                {(["schedule", "event", "manual"] as const).map((t) => (
                  <Button key={t} type="button" size="sm" variant={draft.trigger === t ? "default" : "outline"} aria-pressed={draft.trigger === t} onClick={() => set("trigger", t)}>
                    {t === "schedule" ? "On a schedule" : t === "event" ? "When something happens" : "Only when I run it"}
                  </Button>
                ))}
              </div>
              {draft.trigger === "schedule" && (
                <div className="grid gap-2 sm:grid-cols-2">
                  <div className="grid gap-1">
                    <Label htmlFor="rule-cron">Schedule (cron)</Label>
                    <Input id="rule-cron" value={draft.cron} onChange={(e) => set("cron", e.target.value)} placeholder="0 9 * * 1-5" />
                    <p className="text-xs text-muted-foreground">“0 9 * * 1-5” = weekdays at 09:00. At most once an hour.</p>
                    <FieldError errors={errors} name="cron" />
                  </div>
                  <div className="grid gap-1">
                    <Label htmlFor="rule-tz">Time zone</Label>
                    <Input id="rule-tz" value={draft.timeZone} onChange={(e) => set("timeZone", e.target.value)} placeholder="Europe/Paris" />
                    <FieldError errors={errors} name="time_zone" />
                  </div>
                </div>
              )}
              {draft.trigger === "event" && (
                <div className="grid gap-1">
                  <Label htmlFor="rule-event">Event</Label>
                  <select id="rule-event" className="h-9 rounded-md border bg-background px-2 text-sm" value={draft.eventType} onChange={(e) => set("eventType", e.target.value)}>
                    <option value="">Choose an event…</option>
                    {AUTOMATION_EVENTS.map((e) => (
                      <option key={e} value={e}>{EVENT_LABELS[e]}</option>
                    ))}
                  </select>
                  <FieldError errors={errors} name="event_type" />
                </div>
              )}
            </fieldset>

            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">Actions, in pipeline order</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {AUTOMATION_ACTIONS.map((a) => (
                  <label key={a} className="flex items-center gap-2 text-sm">
                    <Checkbox checked={draft.actions.includes(a)} onCheckedChange={(v) => toggleAction(a, v === true)} aria-label={ACTION_LABELS[a]} />
                    {ACTION_LABELS[a]}
                  </label>
                ))}
              </div>
              <FieldError errors={errors} name="actions" />
              {draft.actions.includes("optimize") && (
                <div className="grid gap-1 sm:max-w-xs">
                  <Label htmlFor="rule-accept">Accept AI edits automatically when the projected score is at least</Label>
                  <Input id="rule-accept" inputMode="numeric" value={draft.autoAcceptAbove} onChange={(e) => set("autoAcceptAbove", e.target.value)} placeholder="Leave empty: suggestions only" />
                </div>
              )}
              {draft.actions.includes("publish") && (
                <div className="grid gap-2 sm:grid-cols-2">
                  <div className="grid gap-1">
                    <Label htmlFor="rule-dest">Destinations</Label>
                    <Input id="rule-dest" value={draft.destinations} onChange={(e) => set("destinations", e.target.value)} placeholder="hosted, integration:3" />
                  </div>
                  <div className="grid gap-1">
                    <Label htmlFor="rule-perday">At most per day (08:00–18:00)</Label>
                    <Input id="rule-perday" inputMode="numeric" value={draft.maxPerDay} onChange={(e) => set("maxPerDay", e.target.value)} placeholder="Publish at once" />
                  </div>
                </div>
              )}
            </fieldset>

            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">Limits and budget (credits)</legend>
              <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                {([
                  ["maxItems", "Items per run", "max_items"],
                  ["dailyBudget", "Per day", "daily_budget"],
                  ["monthlyBudget", "Per month", "monthly_budget"],
                  ["siteMonthlyBudget", "Site, per month", "site_monthly_budget"],
                ] as const).map(([key, label, field]) => (
                  <div key={key} className="grid gap-1">
                    <Label htmlFor={`rule-${key}`}>{label}</Label>
                    <Input id={`rule-${key}`} inputMode="numeric" value={draft[key]} onChange={(e) => set(key, e.target.value)} placeholder={key === "maxItems" ? "5" : "No limit"} />
                    <FieldError errors={errors} name={`limits.${field}`} />
                  </div>
                ))}
              </div>
              {draft.trigger !== "schedule" && (
                <div className="grid gap-1 sm:max-w-xs">
                  <Label htmlFor="rule-volume">Keywords: minimum volume</Label>
                  <Input id="rule-volume" inputMode="numeric" value={draft.minVolume} onChange={(e) => set("minVolume", e.target.value)} placeholder="Any" />
                </div>
              )}
            </fieldset>

            {draft.actions.includes("publish") && (
              <fieldset className="grid gap-2">
                <legend className="mb-1 text-sm font-medium">Quality gate before publishing</legend>
                <div className="grid grid-cols-2 gap-2">
                  <div className="grid gap-1">
                    <Label htmlFor="rule-minscore">Minimum optimizer score</Label>
                    <Input id="rule-minscore" inputMode="numeric" value={draft.minScore} onChange={(e) => set("minScore", e.target.value)} />
                  </div>
                  <div className="grid gap-1">
                    <Label htmlFor="rule-minwords">Minimum words</Label>
                    <Input id="rule-minwords" inputMode="numeric" value={draft.minWords} onChange={(e) => set("minWords", e.target.value)} />
                  </div>
                </div>
                {([
                  ["requireFeaturedImage", "Featured image required"],
                  ["requireMeta", "Meta title and description required"],
                  ["noPlaceholders", "No placeholder text ([insert …], TODO)"],
                ] as const).map(([key, label]) => (
                  <label key={key} className="flex items-center gap-2 text-sm">
                    <Checkbox checked={draft[key]} onCheckedChange={(v) => set(key, v === true)} aria-label={label} />
                    {label}
                  </label>
                ))}
                <p className="text-xs text-muted-foreground">Articles that fail stay in review with the reasons in the rule&apos;s history.</p>
              </fieldset>
            )}
          </div>
          <aside aria-label="Estimate" className="h-fit rounded-lg border bg-muted/40 p-4 md:sticky md:top-0">
            <ForecastSummary forecast={forecast} loading={estimating} />
          </aside>
        </div>
        <DialogFooter className="items-center">
          {forecast && (
            <p className="text-sm text-muted-foreground sm:mr-auto md:hidden" aria-live="polite">
              ~{forecast.creditsLow === forecast.creditsHigh ? forecast.creditsLow : `${forecast.creditsLow}–${forecast.creditsHigh}`} credits a run
            </p>
          )}
          <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="button" onClick={save} disabled={saving}>{saving ? "Saving…" : draft.id ? "Save rule" : "Create rule"}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
