"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { Bot, Pause, Play, Pencil, Plus, Zap } from "lucide-react";
import { useAction } from "@/components/forms/use-action";
import { toastError } from "@/components/forms/toast-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { executeRuleAction, forecastRuleAction, setRuleActiveAction } from "@/lib/automation/actions";
import { ACTION_LABELS, PRESET_RULE, type AutomationAction } from "@/lib/automation/schemas";
import { ForecastSummary, formatWhen, type ForecastView } from "./forecast-summary";
import { RuleEditor, type RuleDraft } from "./rule-editor";

export type RuleRow = {
  id: number;
  name: string;
  description: string;
  isActive: boolean;
  trigger: string;
  cron: string | null;
  timeZone: string;
  eventType: string | null;
  conditions: { minVolume?: number };
  actions: { type: AutomationAction; destinations?: string[]; maxPerDay?: number; autoAcceptAbove?: number }[];
  limits: { maxItems: number; dailyBudget?: number | null; monthlyBudget?: number | null; siteMonthlyBudget?: number | null };
  qualityGate: { minScore: number; minWords: number; requireFeaturedImage: boolean; noPlaceholders: boolean; requireMeta: boolean };
  nextRunAt: Date | null;
  spentToday: number;
  spentThisMonth: number;
  lastExecution: { id: number; status: string; message: string; creditsSpent: number; createdAt: Date } | null;
};

const s = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

function toDraft(rule: Omit<RuleRow, "id" | "isActive" | "nextRunAt" | "spentToday" | "spentThisMonth" | "lastExecution"> & { id?: number }): RuleDraft {
  const publish = rule.actions.find((a) => a.type === "publish");
  const optimize = rule.actions.find((a) => a.type === "optimize");
  return {
    id: rule.id,
    name: rule.name,
    description: rule.description,
    trigger: rule.trigger as RuleDraft["trigger"],
    cron: rule.cron ?? "0 9 * * 1-5",
    timeZone: rule.timeZone,
    eventType: rule.eventType ?? "",
    actions: rule.actions.map((a) => a.type),
    destinations: publish?.destinations?.join(", ") ?? "hosted",
    maxPerDay: s(publish?.maxPerDay),
    autoAcceptAbove: s(optimize?.autoAcceptAbove),
    minVolume: s(rule.conditions.minVolume),
    maxItems: s(rule.limits.maxItems),
    dailyBudget: s(rule.limits.dailyBudget),
    monthlyBudget: s(rule.limits.monthlyBudget),
    siteMonthlyBudget: s(rule.limits.siteMonthlyBudget),
    minScore: s(rule.qualityGate.minScore),
    minWords: s(rule.qualityGate.minWords),
    requireFeaturedImage: rule.qualityGate.requireFeaturedImage,
    requireMeta: rule.qualityGate.requireMeta,
    noPlaceholders: rule.qualityGate.noPlaceholders,
  };
}

const PRESET_DRAFT = toDraft({ ...PRESET_RULE, eventType: null, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC" });

function triggerText(rule: RuleRow) {
  if (rule.trigger === "schedule") return `Schedule “${rule.cron}” (${rule.timeZone})`;
  if (rule.trigger === "event") return `When ${rule.eventType}`;
  return "Manual only";
}

const STATUS: Record<string, string> = { succeeded: "Done", completed_with_errors: "Done with errors", failed: "Failed", stopped: "Stopped", running: "Running", pending: "Queued" };

function RunNow({ rule, canWrite }: { rule: RuleRow; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  const [forecast, setForecast] = useState<ForecastView | null>(null);
  const { run, pending } = useAction();
  async function ask() {
    setForecast(null);
    setOpen(true);
    const result = await forecastRuleAction({ id: rule.id });
    if (result.ok) setForecast(result.data as unknown as ForecastView);
    else {
      setOpen(false);
      toastError(result);
    }
  }
  return (
    <>
      <Button size="sm" variant="outline" onClick={ask} disabled={!canWrite}>
        <Zap aria-hidden="true" /> Run now
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Run “{rule.name}” now?</DialogTitle>
            <DialogDescription>What this run would pick and spend, before anything is spent.</DialogDescription>
          </DialogHeader>
          <ForecastSummary forecast={forecast} loading={!forecast} />
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
            <Button
              disabled={!forecast || Boolean(forecast.blockedBy) || pending}
              onClick={() => run(() => executeRuleAction({ id: rule.id }), { onSuccess: () => setOpen(false) })}
            >
              {forecast ? `Run (up to ${forecast.creditsHigh} credits)` : "Run"}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}

export function RulesView({ rules, place, canWrite }: { rules: RuleRow[]; place: { siteId: number; sectorId: number }; canWrite: boolean }) {
  const [editing, setEditingState] = useState<RuleDraft | null>(null);
  const [editKey, setEditKey] = useState(0);
  const setEditing = (draft: RuleDraft | null) => {
    if (draft) setEditKey((k) => k + 1);
    setEditingState(draft);
  };
  const { run, pending } = useAction();
  const initial = useMemo(() => editing ?? PRESET_DRAFT, [editing]);
  const newRule = (
    <Button onClick={() => setEditing({ ...PRESET_DRAFT })} disabled={!canWrite}>
      <Plus aria-hidden="true" /> New rule
    </Button>
  );
  return (
    <>
      {rules.length === 0 ? (
        <Card>
          <EmptyState
            icon={Bot}
            title="No automation yet"
            description={<>A rule runs part of the pipeline for you, on a schedule or when something happens, within a credit budget you set. Start from the preset: {PRESET_RULE.description}</>}
            action={
              <Button onClick={() => setEditing({ ...PRESET_DRAFT })} disabled={!canWrite}>
                Start from the preset
              </Button>
            }
          />
        </Card>
      ) : (
        <div className="grid gap-4">
          <div className="flex justify-end">{newRule}</div>
          {rules.map((rule) => {
            const budget = rule.limits.monthlyBudget;
            return (
              <Card key={rule.id} data-testid="rule-card">
                <CardHeader>
                  <CardTitle className="flex flex-wrap items-center gap-2">
                    <Link href={`/automation/${rule.id}`} className="hover:underline">{rule.name}</Link>
                    <Badge variant={rule.isActive ? "default" : "secondary"}>{rule.isActive ? "Active" : "Paused"}</Badge>
                  </CardTitle>
                  <CardDescription>{triggerText(rule)} · {rule.actions.map((a) => ACTION_LABELS[a.type]).join(" → ")}</CardDescription>
                </CardHeader>
                <CardContent className="grid gap-4">
                  <dl className="grid grid-cols-2 gap-3 text-sm lg:grid-cols-4">
                    <div>
                      <dt className="text-muted-foreground">Next run</dt>
                      <dd>{rule.nextRunAt ? formatWhen(rule.nextRunAt) : rule.trigger === "schedule" ? "—" : "On demand"}</dd>
                    </div>
                    <div>
                      <dt className="text-muted-foreground">Last result</dt>
                      <dd className="line-clamp-2">{rule.lastExecution ? `${STATUS[rule.lastExecution.status] ?? rule.lastExecution.status}: ${rule.lastExecution.message}` : "Never run"}</dd>
                    </div>
                    <div>
                      <dt className="text-muted-foreground">Spent this month</dt>
                      <dd className="tabular-nums">{rule.spentThisMonth}{budget !== null && budget !== undefined ? ` of ${budget}` : ""} credits</dd>
                    </div>
                    <div>
                      <dt className="text-muted-foreground">Per run</dt>
                      <dd>up to {rule.limits.maxItems} items{rule.limits.dailyBudget != null ? `, ${rule.limits.dailyBudget} credits a day` : ""}</dd>
                    </div>
                  </dl>
                  <div className="flex flex-wrap gap-2">
                    <RunNow rule={rule} canWrite={canWrite} />
                    <Button size="sm" variant="outline" disabled={!canWrite || pending} onClick={() => run(() => setRuleActiveAction({ id: rule.id, isActive: !rule.isActive }))}>
                      {rule.isActive ? <Pause aria-hidden="true" /> : <Play aria-hidden="true" />} {rule.isActive ? "Pause" : "Resume"}
                    </Button>
                    <Button size="sm" variant="ghost" disabled={!canWrite} onClick={() => setEditing(toDraft(rule))}>
                      <Pencil aria-hidden="true" /> Edit
                    </Button>
                    <Button size="sm" variant="ghost" asChild>
                      <Link href={`/automation/${rule.id}`}>History</Link>
                    </Button>
                  </div>
                </CardContent>
              </Card>
            );
          })}
        </div>
      )}
      <RuleEditor key={editKey} open={editing !== null} onOpenChange={(o) => !o && setEditing(null)} initial={initial} place={place} />
    </>
  );
}
