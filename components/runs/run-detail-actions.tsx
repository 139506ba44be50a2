"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { Ban } from "lucide-react";
import { cancelRunAction } from "@/lib/runs/actions";
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
    <ConfirmActionButton variant="outline" title="Cancel this run?" description="It stops before its next step. Finished steps are kept (and stay charged)." confirmLabel="Cancel run" action={() => cancelRunAction({ id })}>
      <Ban className="size-4" /> Cancel run
    </ConfirmActionButton>
  );
}
