"use client";

import { useState, useTransition } from "react";
import { ImagePlus } from "lucide-react";
import { toast } from "sonner";
import type { ImageDto } from "@/lib/writer/image-dto";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { cn } from "@/lib/utils/cn";
import { ACCEPTED_IMAGE_TYPES, uploadImage } from "../upload";

/**
 * Choose one of the article's images, or upload a new one. Used to insert an image into the text
 * (type in_article) and to pick the featured image (type featured).
 */
export function ImageDialog({
  open,
  onOpenChange,
  contentId,
  images,
  title,
  description,
  uploadType,
  onUploaded,
  onChoose,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  contentId: number;
  images: ImageDto[];
  title: string;
  description: string;
  uploadType: "in_article" | "featured";
  onUploaded: (image: ImageDto) => void;
  onChoose: (image: ImageDto) => void | Promise<void>;
}) {
  const ready = images.filter((i) => i.url);
  const [tab, setTab] = useState(ready.length ? "library" : "upload");
  const [selected, setSelected] = useState<number | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState("");
  const [pending, startTransition] = useTransition();

  const upload = () =>
    startTransition(async () => {
      if (!file) return void toast.error("Choose an image file first.");
      const result = await uploadImage(file, { content_id: contentId, type: uploadType, alt_text: alt.trim() });
      if (!result.ok) return void toast.error(result.message);
      toast.success("Image uploaded.");
      onUploaded(result.image);
      await onChoose(result.image);
      setFile(null);
      setAlt("");
      onOpenChange(false);
    });

  const choose = () =>
    startTransition(async () => {
      const image = ready.find((i) => i.id === selected);
      if (!image) return;
      await onChoose(image);
      onOpenChange(false);
    });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <Tabs value={tab} onValueChange={setTab}>
          <TabsList>
            <TabsTrigger value="library">This article&apos;s images ({ready.length})</TabsTrigger>
            <TabsTrigger value="upload">Upload</TabsTrigger>
          </TabsList>
          <TabsContent value="library" className="pt-2">
            {ready.length ? (
              <div role="listbox" aria-label="Article images" className="grid max-h-80 grid-cols-2 gap-3 overflow-y-auto p-1 sm:grid-cols-3">
                {ready.map((image) => (
                  <button
                    key={image.id}
                    type="button"
                    role="option"
                    aria-selected={selected === image.id}
                    aria-label={image.altText || `Image ${image.id}`}
                    onClick={() => setSelected(image.id)}
                    onDoubleClick={() => { setSelected(image.id); choose(); }}
                    className={cn("overflow-hidden rounded-lg border-2 text-left transition-colors", selected === image.id ? "border-primary" : "border-transparent hover:border-border")}
                  >
                    {/* eslint-disable-next-line @next/next/no-img-element -- stored images are served by /media */}
                    <img src={image.url!} alt="" className="aspect-[4/3] w-full bg-muted object-cover" />
                    <span className="block truncate px-2 py-1 text-xs text-muted-foreground">{image.altText || "No alt text"}</span>
                  </button>
                ))}
              </div>
            ) : (
              <p className="py-10 text-center text-sm text-muted-foreground">No images yet. Upload one.</p>
            )}
            <DialogFooter className="mt-4">
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>Cancel</Button>
              <Button type="button" onClick={choose} disabled={selected === null || pending}>{uploadType === "featured" ? "Use as featured image" : "Insert image"}</Button>
            </DialogFooter>
          </TabsContent>
          <TabsContent value="upload" className="space-y-4 pt-2">
            <div className="space-y-2">
              <Label htmlFor="image-upload-file">Image file</Label>
              <Input id="image-upload-file" type="file" accept={ACCEPTED_IMAGE_TYPES} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
              <p className="text-xs text-muted-foreground">PNG, JPEG, WebP or GIF, up to 10 MB.</p>
            </div>
            <div className="space-y-2">
              <Label htmlFor="image-upload-alt">Alt text</Label>
              <Input id="image-upload-alt" maxLength={300} placeholder="What the image shows" value={alt} onChange={(e) => setAlt(e.target.value)} />
            </div>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>Cancel</Button>
              <Button type="button" onClick={upload} disabled={!file || pending}><ImagePlus /> {pending ? "Uploading…" : "Upload"}</Button>
            </DialogFooter>
          </TabsContent>
        </Tabs>
      </DialogContent>
    </Dialog>
  );
}
