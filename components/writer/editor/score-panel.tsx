"use client";

import { useState } from "react";
import { AlertCircle, CheckCircle2, ChevronDown, Loader2, Sparkles, XCircle } from "lucide-react";
import type { Analysis, Check } from "@/lib/optimizer";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils/cn";
import { ScoreRing, scoreTone } from "./score-ring";

const ICON = { good: CheckCircle2, ok: AlertCircle, bad: XCircle } as const;
const ICON_TONE = { good: "text-success", ok: "text-warning", bad: "text-destructive" } as const;
const VERDICT = { good: "Strong", ok: "Needs work", bad: "Weak" } as const;

function CheckRow({ check }: { check: Check }) {
  const Icon = ICON[check.status];
  const lost = check.maxScore - check.score;
  return (
    <li className="flex gap-2 py-1.5" data-check={check.id} data-status={check.status}>
      <Icon className={cn("mt-0.5 size-4 shrink-0", ICON_TONE[check.status])} aria-label={check.status === "good" ? "Passed" : check.status === "ok" ? "Could be better" : "Fix this"} />
      <div className="min-w-0 text-sm">
        <div className="flex items-baseline justify-between gap-2">
          <span className="font-medium">{check.label}</span>
          <span className="shrink-0 text-xs tabular-nums text-muted-foreground" title={`${check.score} of ${check.maxScore} points`}>
            {lost > 0 ? `−${lost}` : `${check.score}/${check.maxScore}`}
          </span>
        </div>
        <p className="text-xs text-muted-foreground">{check.message}</p>
        {check.suggestion && check.status !== "good" && <p className="mt-0.5 text-xs">{check.suggestion}</p>}
      </div>
    </li>
  );
}

/** The score at a glance: ring, verdict, key numbers, and an AI proposal waiting for review. */
export function ScoreSummary({ analysis, pending, onReview }: { analysis: Analysis; pending: { gain: number } | null; onReview: () => void }) {
  const tone = scoreTone(analysis.score);
  const { stats } = analysis;
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-4">
        <ScoreRing score={analysis.score} />
        <div className="min-w-0 space-y-1 text-sm">
          <Badge variant={tone === "good" ? "success" : tone === "ok" ? "warning" : "destructive"}>{VERDICT[tone]}</Badge>
          <p className="text-xs text-muted-foreground">
            {stats.wordCount.toLocaleString("en-US")} words · {stats.internalLinks} internal / {stats.externalLinks} external links · keyword {stats.keywordDensity}%
          </p>
        </div>
      </div>
      {pending && (
        <div className="flex items-center justify-between gap-2 rounded-lg border border-primary/30 bg-primary/5 p-2 text-sm">
          <span><Sparkles className="mr-1 inline size-4 text-primary" aria-hidden />An AI proposal is ready{pending.gain > 0 ? ` (+${pending.gain} points)` : ""}.</span>
          <Button size="sm" variant="outline" onClick={onReview}>Review</Button>
        </div>
      )}
    </div>
  );
}

/** Checks shown before "Show all": the ones that cost the most points. */
const FIRST = 5;

/** What to fix, most points lost first; the AI button; passed checks on demand. */
export function ScoreChecks({ analysis, canWrite, optimizing, onOptimize, cost }: { analysis: Analysis; canWrite: boolean; optimizing: boolean; onOptimize: () => void; cost?: React.ReactNode }) {
  const [showAll, setShowAll] = useState(false);
  const [showPassed, setShowPassed] = useState(false);
  const fix = analysis.checks.filter((c) => c.status !== "good").sort((a, b) => b.maxScore - b.score - (a.maxScore - a.score));
  const passed = analysis.checks.filter((c) => c.status === "good");
  const shown = showAll ? fix : fix.slice(0, FIRST);
  return (
    <div className="space-y-3">
      {fix.length > 0 ? (
        <section aria-label="What to fix">
          <h3 className="text-sm font-semibold">What to fix <span className="font-normal text-muted-foreground">({fix.length})</span></h3>
          <ul className="divide-y">{shown.map((c) => <CheckRow key={c.id} check={c} />)}</ul>
          {fix.length > FIRST && (
            <Button type="button" variant="link" size="sm" className="h-auto p-0 text-xs" onClick={() => setShowAll((v) => !v)}>
              {showAll ? "Show fewer" : `Show all ${fix.length}`}
            </Button>
          )}
        </section>
      ) : (
        <p className="text-sm text-success">Every check passes.</p>
      )}
      {canWrite && fix.length > 0 && (
        <Button type="button" className="w-full" variant="outline" onClick={onOptimize} disabled={optimizing}>
          {optimizing ? <Loader2 className="animate-spin" aria-hidden /> : <Sparkles aria-hidden />}
          {optimizing ? "Asking the AI…" : "Optimize with AI"}
        </Button>
      )}
      {canWrite && fix.length > 0 && cost}
      <div>
        <button type="button" className="flex w-full items-center justify-between text-sm text-muted-foreground hover:text-foreground" aria-expanded={showPassed} onClick={() => setShowPassed((v) => !v)}>
          Passed checks ({passed.length})
          <ChevronDown className={cn("size-4 transition-transform", showPassed && "rotate-180")} aria-hidden />
        </button>
        {showPassed && <ul className="mt-1 divide-y">{passed.map((c) => <CheckRow key={c.id} check={c} />)}</ul>}
      </div>
    </div>
  );
}
