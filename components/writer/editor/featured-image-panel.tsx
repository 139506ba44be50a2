"use client";

import { useState } from "react";
import { ImageIcon } from "lucide-react";
import { toast } from "sonner";
import { setFeaturedImageAction, updateImageAction } from "@/lib/writer/actions";
import type { ImageDto } from "@/lib/writer/image-dto";
import { Button } from "@/components/ui/button";
import { AltTextField } from "../alt-text-field";
import { ImageDialog } from "./image-dialog";

/** The article's featured image: pick one of its images or upload, and edit its alt text. */
export function FeaturedImagePanel({
  contentId,
  images,
  readOnly,
  onImagesChange,
  setAltInText,
}: {
  contentId: number;
  images: ImageDto[];
  readOnly: boolean;
  onImagesChange: (update: (images: ImageDto[]) => ImageDto[]) => void;
  /** Changes the alt text of this image where it appears in the text; false when it does not. */
  setAltInText: (imageId: number, alt: string) => boolean;
}) {
  const [open, setOpen] = useState(false);
  const featured = images.find((i) => i.type === "featured" && i.url) ?? null;
  const markFeatured = (id: number) => onImagesChange((list) => list.map((i) => (i.id === id ? { ...i, type: "featured" } : i.type === "featured" ? { ...i, type: "in_article" } : i)));
  return (
    <div className="space-y-3">
      {featured ? (
        <>
          {/* eslint-disable-next-line @next/next/no-img-element -- stored images are served by /media */}
          <img src={featured.url!} alt={featured.altText} className="aspect-[16/9] w-full rounded-lg border object-cover" />
          <AltTextField
            key={featured.id}
            imageId={featured.id}
            value={featured.altText}
            disabled={readOnly}
            onSaved={(alt) => onImagesChange((list) => list.map((i) => (i.id === featured.id ? { ...i, altText: alt } : i)))}
            // An image that is also in the text changes there, and is saved with the article: saving
            // it on its own would rewrite the article behind the editor's back (a conflict).
            save={async (alt) =>
              setAltInText(featured.id, alt) ? { ok: true, message: "Alt text changed in the article too; it is saved with it." } : updateImageAction({ id: featured.id, altText: alt })
            }
          />
        </>
      ) : (
        <div className="flex aspect-[16/9] flex-col items-center justify-center gap-1 rounded-lg border border-dashed text-sm text-muted-foreground">
          <ImageIcon className="size-6" aria-hidden />
          No featured image
        </div>
      )}
      {!readOnly && (
        <Button type="button" variant="outline" size="sm" className="w-full" onClick={() => setOpen(true)}>
          {featured ? "Change featured image" : "Choose featured image"}
        </Button>
      )}
      {open && (
        <ImageDialog
          open
          onOpenChange={setOpen}
          contentId={contentId}
          images={images}
          title="Featured image"
          description="Shown at the top of the article and when it is shared."
          uploadType="featured"
          onUploaded={(image) => onImagesChange((list) => [...list.map((i) => (i.type === "featured" && image.type === "featured" ? { ...i, type: "in_article" as const } : i)), image])}
          onChoose={async (image) => {
            if (image.type === "featured") return;
            const result = await setFeaturedImageAction({ contentId, imageId: image.id });
            if (!result.ok) return void toast.error(result.message);
            toast.success(result.message ?? "Featured image set.");
            markFeatured(image.id);
          }}
        />
      )}
    </div>
  );
}
