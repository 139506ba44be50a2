"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ImageIcon, MoreHorizontal, RefreshCw, Star, Trash2, Upload } from "lucide-react";
import { toast } from "sonner";
import { deleteImagesAction, setFeaturedImageAction } from "@/lib/writer/actions";
import type { ImageDto } from "@/lib/writer/image-dto";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { AltTextField } from "./alt-text-field";
import { ConfirmDialog } from "./confirm-dialog";
import { IMAGE_TYPE_LABELS } from "./labels";
import { ACCEPTED_IMAGE_TYPES, replaceImage } from "./upload";

export type RegenerateImage = (image: ImageDto) => Promise<{ ok: boolean; message?: string }>;

/** One image: preview, type, size, alt text, and replace / feature / regenerate / delete. */
export function ImageCard({ image, canWrite, onRegenerate }: { image: ImageDto; canWrite: boolean; onRegenerate?: RegenerateImage }) {
  const router = useRouter();
  const [busy, startTransition] = useTransition();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const pickReplacement = () => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = ACCEPTED_IMAGE_TYPES;
    input.onchange = () => {
      const file = input.files?.[0];
      if (!file) return;
      startTransition(async () => {
        const result = await replaceImage(image.id, file);
        if (result.ok) {
          toast.success("Image replaced.");
          router.refresh();
        } else toast.error(result.message);
      });
    };
    input.click();
  };
  const run = (action: () => Promise<{ ok: boolean; message?: string }>) =>
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        if (result.message) toast.success(result.message);
        router.refresh();
      } else toast.error(result.message);
    });

  return (
    <figure className="group flex flex-col overflow-hidden rounded-lg border bg-card" aria-label={image.altText || `Image ${image.id}`}>
      <div className="relative aspect-[4/3] bg-muted">
        {image.url ? (
          // eslint-disable-next-line @next/next/no-img-element -- stored images are served by /media
          <img src={image.url} alt={image.altText} className="size-full object-cover" loading="lazy" />
        ) : (
          <div className="flex size-full flex-col items-center justify-center gap-1 p-3 text-center text-xs text-muted-foreground">
            <ImageIcon className="size-6" aria-hidden />
            {image.status === "failed" ? <span className="text-destructive">{image.error ?? "Generation failed"}</span> : <span>{image.status === "generating" ? "Generating…" : "Not generated yet"}</span>}
          </div>
        )}
        <div className="absolute top-2 left-2 flex gap-1">
          <Badge variant={image.type === "featured" ? "default" : "secondary"}>{IMAGE_TYPE_LABELS[image.type]}</Badge>
        </div>
        {canWrite && (
          <DropdownMenu modal={false}>
            <DropdownMenuTrigger asChild>
              <Button size="icon" variant="secondary" className="absolute top-2 right-2 size-7 opacity-90" aria-label={`Actions for image ${image.altText || image.id}`} disabled={busy}>
                <MoreHorizontal />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem onSelect={pickReplacement}><Upload /> Replace by upload…</DropdownMenuItem>
              {image.contentId && image.type !== "featured" && (
                <DropdownMenuItem onSelect={() => run(() => setFeaturedImageAction({ contentId: image.contentId!, imageId: image.id }))}><Star /> Set as featured</DropdownMenuItem>
              )}
              {onRegenerate && <DropdownMenuItem onSelect={() => run(() => onRegenerate(image))}><RefreshCw /> Regenerate</DropdownMenuItem>}
              <DropdownMenuSeparator />
              <DropdownMenuItem variant="destructive" onSelect={() => setConfirmDelete(true)}><Trash2 /> Delete</DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        )}
      </div>
      <figcaption className="space-y-2 p-3">
        <AltTextField imageId={image.id} value={image.altText} disabled={!canWrite} />
        <div className="flex justify-between text-xs text-muted-foreground">
          <span>{image.width && image.height ? `${image.width} × ${image.height}` : "—"}</span>
          <span>{image.bytes ? `${Math.max(1, Math.round(image.bytes / 1024))} KB` : image.provider ?? ""}</span>
        </div>
      </figcaption>
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title="Delete this image?"
        description="It leaves its article and goes to the trash: restoring it within 30 days puts it back in place."
        confirmLabel="Delete"
        onConfirm={() => run(() => deleteImagesAction({ ids: [image.id] }))}
      />
    </figure>
  );
}
