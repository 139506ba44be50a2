"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { PublishedCopy } from "@/lib/trash/service";
import type { PublishedCopiesChoice } from "@/lib/trash/types";
import { deleteContentsAction, publishedCopiesAction } from "@/lib/writer/actions";
import { toastError } from "@/components/forms/toast-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils/cn";

const CHOICES: { value: PublishedCopiesChoice; title: string; description: string }[] = [
  { value: "unpublish", title: "Unpublish the copies", description: "Take them off every destination first (WordPress keeps a draft). Restoring the article does not publish it again." },
  { value: "keep", title: "Keep the copies", description: "Leave them live on WordPress and Shopify. The hosted site hides the article until it is restored." },
];

/**
 * Deleting articles: they go to the trash with their images. When some are published, the dialog
 * lists their copies and asks what to do with them before anything happens.
 */
export function DeleteContentDialog({ ids, onClose, onDeleted }: { ids: number[]; onClose: () => void; onDeleted?: () => void }) {
  const router = useRouter();
  const [copies, setCopies] = useState<PublishedCopy[] | null>(null);
  const [choice, setChoice] = useState<PublishedCopiesChoice>("unpublish");
  const [pending, startTransition] = useTransition();
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    let live = true;
    publishedCopiesAction({ ids }).then((result) => {
      if (!live) return;
      if (result.ok) setCopies(result.data);
      else {
        toastError(result);
        close.current();
      }
    });
    return () => {
      live = false;
    };
  }, [ids]);

  const noun = ids.length === 1 ? "this article" : `${ids.length} articles`;
  const remove = () =>
    startTransition(async () => {
      const result = await deleteContentsAction({ ids, publishedCopies: copies?.length ? choice : undefined });
      if (!result.ok) return toastError(result);
      if (result.data.unpublishFailures.length) toast.warning(result.message ?? "Moved to the trash.");
      else toast.success(result.message ?? "Moved to the trash.");
      onDeleted?.();
      router.refresh();
      onClose();
    });

  return (
    <Dialog open onOpenChange={(open) => !open && !pending && onClose()}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>Delete {noun}?</DialogTitle>
          <DialogDescription>{ids.length === 1 ? "It goes" : "They go"} to the trash with {ids.length === 1 ? "its" : "their"} images. Restore from Trash within 30 days.</DialogDescription>
        </DialogHeader>
        {copies === null ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground"><Spinner /> Checking for published copies…</p>
        ) : copies.length > 0 ? (
          <div className="space-y-3">
            <div className="rounded-md border bg-muted/40 p-3 text-sm">
              <p className="font-medium">{copies.length === 1 ? "1 article is published:" : `${copies.length} articles are published:`}</p>
              <ul className="mt-1 max-h-32 space-y-1 overflow-y-auto">
                {copies.map((c) => (
                  <li key={c.contentId} className="text-muted-foreground"><span className="text-foreground">{c.title}</span> · {c.destinations.join(", ")}</li>
                ))}
              </ul>
            </div>
            <fieldset className="space-y-2">
              <legend className="mb-1 text-sm font-medium">What should happen to the published copies?</legend>
              {CHOICES.map((option) => (
                <label key={option.value} className={cn("flex cursor-pointer gap-3 rounded-md border p-3 text-sm", choice === option.value && "border-primary bg-primary/5")}>
                  <input type="radio" name="published-copies" value={option.value} checked={choice === option.value} onChange={() => setChoice(option.value)} className="mt-1 accent-primary" />
                  <span>
                    <span className="block font-medium">{option.title}</span>
                    <span className="block text-muted-foreground">{option.description}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          </div>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={onClose} disabled={pending}>Cancel</Button>
          <Button variant="destructive" onClick={remove} disabled={pending || copies === null}>
            {pending ? <><Spinner label="Deleting" /> {choice === "unpublish" && copies?.length ? "Unpublishing…" : "Deleting…"}</> : "Move to trash"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
