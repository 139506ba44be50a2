import { AlertTriangle, Check, CircleDot, Eye, Loader2 } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import type { SaveState } from "./use-autosave";

const time = (at: Date) => at.toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit", hour12: false });

/** Always visible: where the user's work stands. */
export function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const base = "inline-flex items-center gap-1.5 text-sm";
  return (
    <span role="status" aria-live="polite" data-save-state={state.kind} className={base}>
      {state.kind === "saved" && <><Check className="size-4 text-success" aria-hidden /> <span>Saved at {time(state.at)}</span></>}
      {state.kind === "saving" && <><Loader2 className="size-4 animate-spin text-muted-foreground" aria-hidden /> <span>Saving…</span></>}
      {state.kind === "dirty" && <><CircleDot className="size-4 text-warning" aria-hidden /> <span>Unsaved changes</span></>}
      {state.kind === "readonly" && <><Eye className="size-4 text-muted-foreground" aria-hidden /> <span>Read only</span></>}
      {state.kind === "conflict" && <><AlertTriangle className="size-4 text-destructive" aria-hidden /> <span className="font-medium text-destructive">Conflict: changed elsewhere</span></>}
      {state.kind === "error" && (
        <span className={cn(base, "text-destructive")}>
          <AlertTriangle className="size-4" aria-hidden /> Not saved: {state.message}
          <button type="button" onClick={onRetry} className="font-medium underline underline-offset-2">Retry</button>
        </span>
      )}
    </span>
  );
}
