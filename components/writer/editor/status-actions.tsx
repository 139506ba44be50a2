"use client";

import { useTransition } from "react";
import { ArrowDown, Send, Undo2 } from "lucide-react";
import { toast } from "sonner";
import type { ContentStatus } from "@/lib/writer/constants";
import { Button } from "@/components/ui/button";

const MOVES: Record<ContentStatus, { to: ContentStatus; label: string; done: string; icon: typeof Send; primary?: boolean }[]> = {
  draft: [{ to: "review", label: "Send to review", done: "Sent to review.", icon: Send, primary: true }],
  review: [{ to: "draft", label: "Back to draft", done: "Moved back to draft.", icon: Undo2 }],
  published: [{ to: "draft", label: "Back to draft", done: "Back in Drafts.", icon: Undo2 }],
};

/**
 * The editorial flow draft → review; each move saves pending edits first. Publishing is one flow,
 * the Publish panel below the editor: in review the header's "Publish…" leads there (marking an
 * article published without publishing it is a secondary choice inside that panel).
 */
export function StatusActions({ status, disabled, onChange }: { status: ContentStatus; disabled: boolean; onChange: (to: ContentStatus) => Promise<boolean> }) {
  const [pending, startTransition] = useTransition();
  const toPublish = () => {
    const panel = document.getElementById("publish");
    panel?.scrollIntoView({ behavior: "smooth", block: "start" });
    panel?.querySelector<HTMLElement>("button:not([disabled]), input:not([disabled])")?.focus({ preventScroll: true });
  };
  return (
    <div className="flex flex-wrap gap-2">
      {MOVES[status].map((move) => (
        <Button
          key={move.to}
          size="sm"
          variant={move.primary ? "default" : "outline"}
          disabled={disabled || pending}
          onClick={() =>
            startTransition(async () => {
              if (await onChange(move.to)) toast.success(move.done);
              else toast.error("The status was not changed: see the message next to the save state.");
            })
          }
        >
          <move.icon /> {move.label}
        </Button>
      ))}
      {status === "review" && (
        <Button size="sm" disabled={disabled || pending} onClick={toPublish}>
          <ArrowDown /> Publish…
        </Button>
      )}
    </div>
  );
}
