"use client";

// Background-run progress, mounted once in the app layout. Anything that starts a run calls
//   const { track } = useRunTracker();
//   const result = await autoClusterKeywordsAction({ ids });
//   if (result.ok) track(result.data.id, "AI clustering");
// and a progress card appears (bottom left). Cards can be hidden and found again from the header's
// runs indicator, which also picks up runs started elsewhere (another tab, the API, automation).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { AlertTriangle, CheckCircle2, Loader2, X, XCircle } from "lucide-react";
import { toast } from "sonner";
import { isLimitMessage, PLANS_URL } from "@/components/forms/toast-error";
import { retryRunAction } from "@/lib/runs/actions";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { cn } from "@/lib/utils/cn";
import { RUN_KIND_LABELS } from "./labels";

export type RunState = "pending" | "progress" | "success" | "failure";
export type TrackedRun = { id: string; label: string; hidden: boolean; state: RunState; status: string; current: number; total: number; percent: number; message: string; startedAt: number };

type Context = {
  runs: TrackedRun[];
  track: (runId: string, label: string) => void;
  show: (runId: string) => void;
  hide: (runId: string) => void;
  forget: (runId: string) => void;
};

const RunTrackerContext = createContext<Context | null>(null);
const STORAGE_KEY = "scs.tracked-runs";
const POLL_MS = 1000;
const DISCOVER_MS = 5000;
// A finished run's card steps aside after a moment: its toast already told the result, and the
// header's runs indicator keeps it one click away.
const FINISHED_CARD_MS = 4000;

export function useRunTracker(): Context {
  const ctx = useContext(RunTrackerContext);
  if (!ctx) throw new Error("useRunTracker needs <RunProgressProvider> (app/(app)/layout.tsx).");
  return ctx;
}

type Progress = { state: RunState; status: string; kind: string; meta: { current: number; total: number; percentage: number; message: string }; failed?: number; error: string | null };

async function fetchProgress(id: string): Promise<Progress | null> {
  const res = await fetch(`/api/v1/system/settings/task_progress/${id}/`, { cache: "no-store" });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`progress ${res.status}`);
  return (await res.json()).data as Progress;
}

const finished = (state: RunState) => state === "success" || state === "failure";

export function RunProgressProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const [runs, setRuns] = useState<TrackedRun[]>([]);
  const runsRef = useRef(runs);
  const loaded = useRef(false);
  // Polls overlap when an answer is slow: each finished run is announced once.
  const announced = useRef(new Set<string>());

  useEffect(() => {
    runsRef.current = runs;
  }, [runs]);

  useEffect(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "[]") as TrackedRun[];
      // eslint-disable-next-line react-hooks/set-state-in-effect -- restoring from localStorage after hydration
      setRuns(saved.filter((r) => Date.now() - r.startedAt < 24 * 3600_000).map((r) => (finished(r.state) ? { ...r, hidden: true } : r)));
    } catch {
      /* a broken entry is forgotten */
    }
    loaded.current = true;
  }, []);

  useEffect(() => {
    if (loaded.current) localStorage.setItem(STORAGE_KEY, JSON.stringify(runs.slice(0, 20)));
  }, [runs]);

  const update = useCallback((id: string, patch: Partial<TrackedRun>) => setRuns((all) => all.map((r) => (r.id === id ? { ...r, ...patch } : r))), []);

  const track = useCallback((id: string, label: string) => {
    setRuns((all) => [{ id, label, hidden: false, state: "pending" as RunState, status: "pending", current: 0, total: 0, percent: 0, message: "Queued…", startedAt: Date.now() }, ...all.filter((r) => r.id !== id)]);
  }, []);

  // Poll the runs that are still going.
  const active = runs.filter((r) => !finished(r.state)).map((r) => r.id).join(",");
  useEffect(() => {
    if (!active) return;
    const ids = active.split(",");
    const timer = setInterval(async () => {
      for (const id of ids) {
        try {
          const p = await fetchProgress(id);
          if (!p) {
            setRuns((all) => all.filter((r) => r.id !== id));
            continue;
          }
          const patch = { state: p.state, status: p.status, current: p.meta.current, total: p.meta.total, percent: p.meta.percentage, message: p.state === "success" ? p.meta.message : (p.error ?? p.meta.message) };
          const label = runsRef.current.find((r) => r.id === id)?.label ?? RUN_KIND_LABELS[p.kind] ?? "Run";
          update(id, patch);
          if (finished(p.state) && !announced.current.has(id)) {
            announced.current.add(id);
            setTimeout(() => update(id, { hidden: true }), FINISHED_CARD_MS);
            const view = { label: "View", onClick: () => router.push(`/runs/${id}`) };
            const retry = {
              label: "Retry failed items",
              onClick: async () => {
                const result = await retryRunAction({ id });
                if (result.ok) {
                  announced.current.delete(id);
                  toast.success("Retrying the failed items.");
                  setRuns((all) => all.map((r) => (r.id === id ? { ...r, hidden: false, state: "pending" as RunState, status: "pending", message: "Retrying the failed items…" } : r)));
                } else toast.error(result.message);
              },
            };
            // One toast per run (the id), even if two polls or two tracked copies see it finish.
            // Finished, but some items failed: a warning that says how many, with the way to redo them.
            if (p.status === "completed_with_errors") toast.warning(`${label} finished with ${p.failed ?? "some"} failed item${p.failed === 1 ? "" : "s"}`, { id: `run-${id}`, description: p.meta.message, action: retry, duration: 10_000 });
            else if (p.state === "success") toast.success(`${label} finished`, { id: `run-${id}`, description: p.meta.message, action: view });
            else {
              // A run stopped by a plan limit links to the plans page rather than to itself.
              const reason = p.error ?? p.meta.message;
              const action = isLimitMessage(reason) ? { label: "See plans", onClick: () => router.push(PLANS_URL) } : view;
              toast.error(`${label} ${p.status === "cancelled" ? "cancelled" : "failed"}`, { id: `run-${id}`, description: reason, action });
            }
            router.refresh();
          }
        } catch {
          /* a missed poll is retried on the next tick */
        }
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [active, router, update]);

  // Pick up runs started elsewhere (shown in the header indicator, cards hidden).
  useEffect(() => {
    const discover = async () => {
      try {
        const res = await fetch("/api/v1/system/runs/?status=active&page_size=20", { cache: "no-store" });
        if (!res.ok) return;
        const list = (await res.json()).data.results as { id: string; kind: string; done: number; total: number; percent: number; message: string }[];
        setRuns((all) => {
          const known = new Set(all.map((r) => r.id));
          const fresh = list
            .filter((r) => !known.has(r.id))
            .map((r) => ({ id: r.id, label: RUN_KIND_LABELS[r.kind] ?? r.kind, hidden: true, state: "progress" as RunState, status: "running", current: r.done, total: r.total, percent: r.percent, message: r.message, startedAt: Date.now() }));
          return fresh.length ? [...fresh, ...all] : all;
        });
      } catch {
        /* offline: try again later */
      }
    };
    void discover();
    const timer = setInterval(discover, DISCOVER_MS);
    return () => clearInterval(timer);
  }, []);

  const value = useMemo<Context>(
    () => ({
      runs,
      track,
      show: (id) => update(id, { hidden: false }),
      hide: (id) => update(id, { hidden: true }),
      forget: (id) => setRuns((all) => all.filter((r) => r.id !== id)),
    }),
    [runs, track, update],
  );

  return (
    <RunTrackerContext.Provider value={value}>
      {children}
      <RunProgressCards runs={runs.filter((r) => !r.hidden)} onHide={value.hide} />
    </RunTrackerContext.Provider>
  );
}

function RunProgressCards({ runs, onHide }: { runs: TrackedRun[]; onHide: (id: string) => void }) {
  if (!runs.length) return null;
  return (
    <div className="pointer-events-none fixed bottom-4 left-4 z-40 flex w-80 flex-col gap-2 md:left-64" aria-live="polite">
      {runs.slice(0, 4).map((run) => (
        <div key={run.id} className="pointer-events-auto rounded-lg border bg-card p-3 text-card-foreground shadow-lg" role="status" aria-label={`${run.label}: ${run.message}`}>
          <div className="flex items-start gap-2">
            <RunStateIcon state={run.state} warning={run.status === "completed_with_errors"} />
            <div className="min-w-0 flex-1">
              <div className="flex items-center justify-between gap-2">
                <p className="truncate text-sm font-medium">{run.label}</p>
                <span className="shrink-0 text-xs tabular-nums text-muted-foreground">
                  {run.total ? `${Math.min(run.current, run.total)} / ${run.total}` : ""}
                </span>
              </div>
              <p className={cn("mt-0.5 line-clamp-2 text-xs text-muted-foreground", run.state === "failure" && "text-destructive")}>{run.message}</p>
              {run.status === "completed_with_errors" && <p className="mt-0.5 text-xs font-medium">Some items failed: open Details to see why and retry them.</p>}
            </div>
            <Button variant="ghost" size="icon" className="-mt-1 -mr-1 size-6" aria-label={`Hide ${run.label}`} onClick={() => onHide(run.id)}>
              <X className="size-3.5" />
            </Button>
          </div>
          <Progress value={run.state === "success" ? 100 : run.percent} className="mt-2 h-1.5" aria-label={`${run.label} progress`} />
          <div className="mt-2 flex justify-end">
            <Link href={`/runs/${run.id}`} className="text-xs font-medium text-primary hover:underline">
              Details
            </Link>
          </div>
        </div>
      ))}
    </div>
  );
}

export function RunStateIcon({ state, warning, className }: { state: RunState; warning?: boolean; className?: string }) {
  if (warning) return <AlertTriangle className={cn("mt-0.5 size-4 shrink-0 text-[color-mix(in_oklch,var(--warning)_70%,black)] dark:text-warning", className)} aria-hidden />;
  if (state === "success") return <CheckCircle2 className={cn("mt-0.5 size-4 shrink-0 text-success", className)} aria-hidden />;
  if (state === "failure") return <XCircle className={cn("mt-0.5 size-4 shrink-0 text-destructive", className)} aria-hidden />;
  return <Loader2 className={cn("mt-0.5 size-4 shrink-0 animate-spin text-primary", className)} aria-hidden />;
}
