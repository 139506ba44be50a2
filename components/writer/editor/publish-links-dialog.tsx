"use client";

import { useState, useTransition } from "react";
import { Loader2 } from "lucide-react";
import { toast } from "sonner";
import { applyLinksAction } from "@/lib/linker/actions";
import type { IncomingSuggestionDto } from "@/lib/linker/service";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { LinkSuggestionRow } from "./link-suggestion";

const keyOf = (s: IncomingSuggestionDto) => `${s.sourceId}|${s.anchorText.toLowerCase()}`;

/**
 * Shown right after publishing when older articles mention the new one's topic: add links to it
 * from them (retroactive links). Each older article is changed through its own versioned save.
 */
export function PublishLinksDialog({ contentId, suggestions, onClose }: { contentId: number; suggestions: IncomingSuggestionDto[]; onClose: () => void }) {
  const [selected, setSelected] = useState<Set<string>>(() => new Set(suggestions.map(keyOf)));
  const [pending, startTransition] = useTransition();
  const articles = new Set(suggestions.map((s) => s.sourceId)).size;
  const chosen = suggestions.filter((s) => selected.has(keyOf(s)));
  const apply = () =>
    startTransition(async () => {
      const result = await applyLinksAction({
        contentId,
        incoming: chosen.map((s) => ({ sourceId: s.sourceId, anchorText: s.anchorText, occurrence: s.occurrence, version: s.sourceVersion, score: s.score, reason: s.reason })),
      });
      if (!result.ok) return void toast.error(result.message);
      toast.success(result.message ?? "Links added.");
      onClose();
    });
  return (
    <Dialog open onOpenChange={(open) => !open && !pending && onClose()}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{articles} older article{articles === 1 ? " mentions" : "s mention"} this topic — add links to it?</DialogTitle>
          <DialogDescription>Links help readers and search engines find the new article. Each link can be undone from the older article’s editor.</DialogDescription>
        </DialogHeader>
        <ul className="divide-y">
          {suggestions.map((s) => (
            <li key={keyOf(s)}>
              <LinkSuggestionRow
                anchorText={s.anchorText}
                pageTitle={s.sourceTitle}
                direction="from"
                reason={s.reason}
                context={s.context}
                checked={selected.has(keyOf(s))}
                disabled={pending}
                onCheckedChange={(on) => setSelected((set) => {
                  const next = new Set(set);
                  if (on) next.add(keyOf(s));
                  else next.delete(keyOf(s));
                  return next;
                })}
              />
            </li>
          ))}
        </ul>
        <DialogFooter className="gap-2">
          <Button variant="ghost" disabled={pending} onClick={onClose}>Not now</Button>
          <Button disabled={pending || chosen.length === 0} onClick={apply}>
            {pending && <Loader2 className="animate-spin" aria-hidden />} Add {chosen.length} link{chosen.length === 1 ? "" : "s"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
