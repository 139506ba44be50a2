// generate_images: one Image row → its file. The provider's image (b64 or URL) is turned into
// bytes at once and stored; a provider URL is never kept. Width, height and type come from the bytes.
import { assertFeatureEnabled } from "@/lib/system/settings";
import { imageSize } from "image-size";
import { z } from "zod";
import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { idSchema } from "@/lib/http/validation";
import { requireOpenAI, requireRunware } from "@/lib/ai/config";
import { AIOutputError } from "@/lib/ai/errors";
import { saveImageFile } from "@/lib/ai/image-store";
import { generateImageOpenAI } from "@/lib/ai/providers/openai";
import { generateImageRunware } from "@/lib/ai/providers/runware";
import { publicUrl } from "@/lib/storage";
import { placeImageInHtml } from "@/lib/writer/html-images";
import { recordGeneratedImages } from "@/lib/writer/limits";
import type { AIFunction, ScopedTx } from "@/lib/ai/types";

const input = z.object({ imageId: idSchema });
type Prepared = { image: { id: number; type: string; prompt: string; siteId: number; taskId: number | null; contentId: number | null; altText: string; position: number }; size: string; style: string; provider: "openai" | "runware" };
type Output = { storageKey: string; mimeType: string; width: number; height: number; bytes: number; provider: string };
export type GenerateImagesResult = { imageId: number; storageKey: string };

const MIME: Record<string, string> = { png: "image/png", jpg: "image/jpeg", webp: "image/webp", gif: "image/gif" };

export const generateImages: AIFunction<z.infer<typeof input>, Prepared, Output, GenerateImagesResult> = {
  name: "generate_images",
  operation: "generate_images",
  input,
  promptType: "image_generation",
  async prepare(db: ScopedDb, { imageId }, config) {
    // Turned off while a run waited: its remaining images fail with the reason, nothing is charged.
    await assertFeatureEnabled("imageGeneration");
    const image = await db.image.findFirst({ where: { id: imageId }, select: { id: true, type: true, prompt: true, siteId: true, taskId: true, contentId: true, altText: true, position: true } });
    if (!image) throw new NotFoundError("Image");
    if (!image.prompt.trim()) throw new ValidationError("This image has no prompt: use “Plan images” on its task first.");
    const size = image.type === "featured" ? config.images.featuredSize : config.images.inArticleSize;
    return { image, size, style: config.images.style, provider: config.images.provider };
  },
  units: () => 1,
  variables: (p) => ({ prompt: p.image.prompt, style: p.style }),
  async call({ prompt, prepared, config, accountId, key }) {
    const generated =
      prepared.provider === "runware"
        ? await generateImageRunware(requireRunware(config), prompt, prepared.size)
        : await generateImageOpenAI(requireOpenAI(config), prompt, prepared.size);
    let dimensions;
    try {
      dimensions = imageSize(generated.bytes);
    } catch {
      throw new AIOutputError("The image provider returned data that is not an image.");
    }
    const ext = dimensions.type === "jpg" ? "jpg" : (dimensions.type ?? "png");
    const mimeType = MIME[ext] ?? "application/octet-stream";
    // A deterministic key per run step: a retried step overwrites the same file.
    const fileKey = `images/${prepared.image.id}-${key.replace(/[^A-Za-z0-9-]/g, "").slice(0, 40)}.${ext}`;
    const { storageKey } = await saveImageFile({ accountId, key: fileKey, bytes: generated.bytes, mimeType });
    return {
      data: { storageKey, mimeType, width: dimensions.width, height: dimensions.height, bytes: generated.bytes.length, provider: prepared.provider },
      usage: { model: generated.model, images: 1 },
      raw: JSON.stringify({ storageKey, bytes: generated.bytes.length, width: dimensions.width, height: dimensions.height }),
    };
  },
  siteId: (p) => p.image.siteId,
  async save(tx: ScopedTx, p, output) {
    await tx.image.update({
      where: { id: p.image.id },
      data: { storageKey: output.storageKey, mimeType: output.mimeType, width: output.width, height: output.height, bytes: output.bytes, provider: output.provider, status: "generated", error: null },
    });
    await recordGeneratedImages(tx, { imageId: p.image.id });
    if (p.image.type === "in_article") await placeInArticle(tx, p.image, output);
    return { imageId: p.image.id, storageKey: output.storageKey };
  },
};

/** In-article images go into their article where the prompt said (after section `position`). */
async function placeInArticle(tx: ScopedTx, image: Prepared["image"], output: Output) {
  const content = await tx.content.findFirst({
    where: image.contentId ? { id: image.contentId } : { taskId: image.taskId ?? -1 },
    select: { id: true, html: true },
  });
  if (!content) return;
  const html = placeImageInHtml(content.html, { id: image.id, src: publicUrl(output.storageKey), alt: image.altText, width: output.width, height: output.height, position: image.position });
  await tx.content.update({ where: { id: content.id }, data: { html, version: { increment: 1 } } });
  if (!image.contentId) await tx.image.update({ where: { id: image.id }, data: { contentId: content.id } });
}
