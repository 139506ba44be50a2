"use client";

import { useMemo, useState, useTransition } from "react";
import { ArrowRight, Loader2 } from "lucide-react";
import { analyzeContent, applyContentEdits, type AnalyzeInput, type ContentEdit } from "@/lib/optimizer";
import type { OptimizationDto } from "@/lib/optimizer/service";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { ScoreRing } from "./score-ring";

const KIND_LABELS: Record<ContentEdit["kind"], string> = {
  title: "Title",
  meta_title: "Meta title",
  meta_description: "Meta description",
  slug: "Slug",
  intro: "First paragraph",
  heading: "Subheading",
};

const label = (e: ContentEdit) => (e.kind === "heading" ? `${KIND_LABELS.heading} ${e.index + 1}` : KIND_LABELS[e.kind]);
const text = (html: string) => html.replace(/<[^>]*>/g, "").replace(/&nbsp;/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

type Props = {
  proposal: OptimizationDto;
  /** The article as it is in the editor now: edits are checked and scored against it. */
  input: AnalyzeInput;
  onApply: (editIds: string[]) => Promise<boolean>;
  onDismiss: () => void;
  onClose: () => void;
};

/** Before/after of each AI edit with its score change; the user keeps the ones they want. */
export function OptimizeDialog({ proposal, input, onApply, onDismiss, onClose }: Props) {
  const usable = useMemo(() => new Set(proposal.edits.filter((e) => applyContentEdits(input, [e]).applied.length === 1).map((e) => e.id)), [proposal, input]);
  const [selected, setSelected] = useState<Set<string>>(() => new Set(usable));
  const [pending, startTransition] = useTransition();
  const chosen = useMemo(() => proposal.edits.filter((e) => selected.has(e.id) && usable.has(e.id)), [proposal, selected, usable]);
  const now = useMemo(() => analyzeContent(input).score, [input]);
  const projected = useMemo(() => {
    const { fields } = applyContentEdits(input, chosen);
    return analyzeContent({ ...input, ...fields }).score;
  }, [input, chosen]);
  const toggle = (id: string, on: boolean) => setSelected((s) => {
    const next = new Set(s);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>AI optimization</DialogTitle>
          <DialogDescription>Keep the edits you like. Nothing changes in the article until you apply them.</DialogDescription>
        </DialogHeader>
        <div className="flex items-center gap-3 rounded-lg border bg-muted/30 p-3" aria-label="Score change">
          <ScoreRing score={now} size={56} label="Score now" />
          <ArrowRight className="size-5 text-muted-foreground" aria-hidden />
          <ScoreRing score={projected} size={56} label="Score with the selected edits" />
          <p className="text-sm">
            {chosen.length
              ? <>With {chosen.length} edit{chosen.length === 1 ? "" : "s"}: <strong className="tabular-nums">{projected - now >= 0 ? "+" : ""}{projected - now}</strong> points.</>
              : "Select the edits to apply."}
          </p>
        </div>
        {proposal.edits.length === 0 ? (
          <p className="text-sm text-muted-foreground">The AI had no changes to suggest for the flagged checks.</p>
        ) : (
          <ul className="space-y-3">
            {proposal.edits.map((edit) => {
              const stale = !usable.has(edit.id);
              return (
                <li key={edit.id} className="rounded-lg border p-3" data-edit-kind={edit.kind}>
                  <label className="flex items-start gap-3">
                    <Checkbox className="mt-0.5" checked={selected.has(edit.id) && !stale} disabled={stale || pending} onCheckedChange={(v) => toggle(edit.id, v === true)} aria-label={`Apply: ${label(edit)}`} />
                    <div className="min-w-0 flex-1 space-y-2">
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="font-medium">{label(edit)}</span>
                        {edit.scoreDelta !== 0 && <Badge variant={edit.scoreDelta > 0 ? "success" : "destructive"}>{edit.scoreDelta > 0 ? "+" : ""}{edit.scoreDelta} points</Badge>}
                        {stale && <Badge variant="secondary">Changed since: cannot apply</Badge>}
                      </div>
                      <p className="text-xs text-muted-foreground">{edit.reason}</p>
                      <div className="grid gap-2 text-sm sm:grid-cols-2">
                        <div className="rounded bg-destructive/5 p-2"><span className="block text-[11px] uppercase text-muted-foreground">Before</span><span className="break-words">{text(edit.before) || <em className="text-muted-foreground">(empty)</em>}</span></div>
                        <div className="rounded bg-success/10 p-2"><span className="block text-[11px] uppercase text-muted-foreground">After</span><span className="break-words">{text(edit.after)}</span></div>
                      </div>
                    </div>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
        <DialogFooter className="gap-2">
          <Button variant="ghost" disabled={pending} onClick={onDismiss}>Dismiss proposal</Button>
          <Button disabled={pending || chosen.length === 0} onClick={() => startTransition(async () => { if (await onApply(chosen.map((e) => e.id))) onClose(); })}>
            {pending && <Loader2 className="animate-spin" aria-hidden />} Apply {chosen.length} edit{chosen.length === 1 ? "" : "s"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
