"use client";

import { useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ImagePlus } from "lucide-react";
import { toast } from "sonner";
import type { ImageGallery as Gallery } from "@/lib/writer/service";
import { FileButton } from "./file-button";
import { regenerateImagesAction } from "@/lib/ai/actions";
import { useRunTracker } from "@/components/runs/run-progress-provider";
import { ImageCard, type RegenerateImage } from "./image-card";
import { formatDate } from "./labels";
import { ContentStatusBadge } from "./status-badge";
import { uploadImage } from "./upload";

type Props = { groups: Gallery["results"]; canWrite: boolean; onRegenerate?: RegenerateImage };

/** The Images page body: one section per article with its images. */
export function ImageGallery({ groups, canWrite, onRegenerate }: Props) {
  const { track } = useRunTracker();
  // Regenerating needs a prompt; images without one (uploads) only offer replace.
  const regenerate: RegenerateImage =
    onRegenerate ??
    (async (image) => {
      const result = await regenerateImagesAction({ ids: [image.id] });
      if (result.ok) track(result.data.id, "Image generation");
      return result;
    });
  return (
    <div className="space-y-6">
      {groups.map(({ content, images }) => (
        <section key={content.id} aria-labelledby={`gallery-${content.id}`} className="rounded-xl border bg-card p-4">
          <header className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <div className="min-w-0">
              <h2 id={`gallery-${content.id}`} className="truncate font-semibold">
                <Link href={`/writer/content/${content.id}`} className="hover:underline">{content.title}</Link>
              </h2>
              <p className="flex items-center gap-2 text-xs text-muted-foreground">
                <ContentStatusBadge status={content.status} /> {images.length} image{images.length === 1 ? "" : "s"} · updated {formatDate(content.updatedAt)}
              </p>
            </div>
            {canWrite && <UploadToArticle contentId={content.id} />}
          </header>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
            {images.map((image) => <ImageCard key={`${image.id}-${image.storageKey}`} image={image} canWrite={canWrite} onRegenerate={image.prompt ? regenerate : undefined} />)}
          </div>
        </section>
      ))}
    </div>
  );
}

function UploadToArticle({ contentId }: { contentId: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <FileButton
      size="sm"
      variant="outline"
      disabled={pending}
      onFile={(file) =>
        startTransition(async () => {
          const result = await uploadImage(file, { content_id: contentId, type: "in_article" });
          if (result.ok) {
            toast.success("Image uploaded. Add alt text so it is accessible.");
            router.refresh();
          } else toast.error(result.message);
        })
      }
    >
      <ImagePlus /> {pending ? "Uploading…" : "Upload image"}
    </FileButton>
  );
}
