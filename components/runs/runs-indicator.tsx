"use client";

import Link from "next/link";
import { Activity, Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Progress } from "@/components/ui/progress";
import { RunStateIcon, useRunTracker } from "./run-progress-provider";

/** Header button: how many runs are going; lists them so a hidden progress card can be shown again. */
export function RunsIndicator() {
  const { runs, show } = useRunTracker();
  const active = runs.filter((r) => r.state === "pending" || r.state === "progress");
  const recent = runs.slice(0, 8);
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="sm" className="gap-2" aria-label={active.length ? `${active.length} runs in progress` : "Background runs"}>
          {active.length ? <Loader2 className="size-4 animate-spin text-primary" /> : <Activity className="size-4" />}
          <span className="hidden sm:inline">{active.length ? `${active.length} running` : "Runs"}</span>
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-80 p-0">
        <div className="border-b px-3 py-2 text-sm font-medium">Background runs</div>
        {recent.length ? (
          <ul className="max-h-80 divide-y overflow-y-auto">
            {recent.map((run) => (
              <li key={run.id}>
                <button type="button" className="flex w-full items-start gap-2 px-3 py-2 text-left hover:bg-accent" onClick={() => show(run.id)}>
                  <RunStateIcon state={run.state} warning={run.status === "completed_with_errors"} />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm">{run.label}</span>
                    <span className="block truncate text-xs text-muted-foreground">{run.message}</span>
                    {(run.state === "pending" || run.state === "progress") && <Progress value={run.percent} className="mt-1 h-1" />}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="px-3 py-4 text-sm text-muted-foreground">Nothing running. Runs you start (AI clustering, ideas, articles, images) show up here.</p>
        )}
        <div className="border-t px-3 py-2 text-right">
          <Link href="/runs" className="text-xs font-medium text-primary hover:underline">
            All runs →
          </Link>
        </div>
      </PopoverContent>
    </Popover>
  );
}
