"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { Ban, RotateCcw } from "lucide-react";
import { cancelRunAction, retryRunAction } from "@/lib/runs/actions";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";

/** Re-reads the page every two seconds while the run is going. */
export function RunAutoRefresh({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}

export function CancelRunButton({ id }: { id: string }) {
  return (
    <ConfirmActionButton variant="outline" title="Cancel this run?" description="No new item starts; the ones already being worked on finish. Work already done is kept (and stays charged); nothing else is charged." confirmLabel="Cancel run" action={() => cancelRunAction({ id })}>
      <Ban className="size-4" /> Cancel run
    </ConfirmActionButton>
  );
}

/** Does the failed (or not reached) items of an ended run again; the items that succeeded are kept. */
export function RetryFailedButton({ id, failed, variant = "default" }: { id: string; failed: number; variant?: "default" | "outline" }) {
  const router = useRouter();
  const items = failed === 1 ? "the failed item" : failed > 1 ? `the ${failed} failed items` : "the items that were not done";
  return (
    <ConfirmActionButton
      variant={variant}
      title="Retry the failed items?"
      description={`Only ${items} run again, charged as usual when they succeed. Items that already succeeded are kept and not charged again.`}
      confirmLabel="Retry failed items"
      action={() => retryRunAction({ id })}
      onDone={() => router.refresh()}
    >
      <RotateCcw className="size-4" /> Retry failed items
    </ConfirmActionButton>
  );
}
