"use client";

import { useMemo } from "react";
import { countWords, sanitizeHtml } from "@/lib/content";
import type { ContentDto } from "@/lib/writer/content";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { CONTENT_STATUS_LABELS } from "../labels";
import type { EditableFields } from "./use-autosave";

/** Another tab (or person) saved first: show both and let the user choose. Nothing is lost until they do. */
export function ConflictDialog({ theirs, mine, onKeepMine, onLoadTheirs }: { theirs: ContentDto; mine: EditableFields; onKeepMine: () => void; onLoadTheirs: () => void }) {
  const theirHtml = useMemo(() => sanitizeHtml(theirs.html), [theirs.html]);
  const myHtml = useMemo(() => sanitizeHtml(mine.html), [mine.html]);
  const when = new Date(theirs.updatedAt).toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit", hour12: false });
  return (
    <Dialog open onOpenChange={() => undefined}>
      <DialogContent className="sm:max-w-3xl" showCloseButton={false} onEscapeKeyDown={(e) => e.preventDefault()} onInteractOutside={(e) => e.preventDefault()}>
        <DialogHeader>
          <DialogTitle>This article was changed elsewhere</DialogTitle>
          <DialogDescription>
            Another tab or teammate saved version {theirs.version} at {when} after you opened it. Your edits are not saved yet. Choose which version to keep.
          </DialogDescription>
        </DialogHeader>
        <div className="grid gap-4 sm:grid-cols-2">
          <section aria-label="Their version" className="min-w-0 rounded-lg border p-3">
            <h3 className="mb-1 text-sm font-semibold">Their version</h3>
            <p className="mb-2 text-xs text-muted-foreground">
              {CONTENT_STATUS_LABELS[theirs.status]} · {theirs.wordCount.toLocaleString("en-US")} words · “{theirs.title}”
            </p>
            <div className="article-body max-h-64 overflow-y-auto rounded bg-muted/40 p-2 text-sm" dangerouslySetInnerHTML={{ __html: theirHtml || "<p><em>Empty</em></p>" }} />
          </section>
          <section aria-label="Your version" className="min-w-0 rounded-lg border p-3">
            <h3 className="mb-1 text-sm font-semibold">Your version</h3>
            <p className="mb-2 text-xs text-muted-foreground">{countWords(mine.html).toLocaleString("en-US")} words · “{mine.title}”</p>
            <div className="article-body max-h-64 overflow-y-auto rounded bg-muted/40 p-2 text-sm" dangerouslySetInnerHTML={{ __html: myHtml || "<p><em>Empty</em></p>" }} />
          </section>
        </div>
        <DialogFooter className="gap-2">
          <Button variant="outline" onClick={onLoadTheirs}>Load theirs (discard mine)</Button>
          <Button onClick={onKeepMine}>Keep mine (overwrite theirs)</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
