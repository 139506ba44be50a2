"use client";

import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { updateScheduledTaskAction } from "@/lib/automation/actions";

export function SkipButton({ id, skipped, disabled }: { id: number; skipped: boolean; disabled?: boolean }) {
  const { run, pending } = useAction();
  return (
    <Button size="sm" variant="outline" disabled={disabled || pending} onClick={() => run(() => updateScheduledTaskAction({ id, change: { status: skipped ? "scheduled" : "skipped" } }))}>
      {skipped ? "Restore" : "Skip"}
    </Button>
  );
}
