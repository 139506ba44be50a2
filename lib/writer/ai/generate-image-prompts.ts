// generate_image_prompts: one article → Image rows (a featured image and in-article images whose
// `position` is the index of the H2 section they illustrate), with prompts and alt text.
import { z } from "zod";
import { headings } from "@/lib/content";
import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { idSchema } from "@/lib/http/validation";
import type { AIFunction, ScopedTx } from "@/lib/ai/types";
import { textCall } from "@/lib/ai/text-call";

const input = z.object({ taskId: idSchema });
export const imagePromptsOutputSchema = z.object({
  featured: z.object({ prompt: z.string(), altText: z.string() }),
  inArticle: z.array(z.object({ sectionIndex: z.number().int(), prompt: z.string(), altText: z.string() })),
});
type Output = z.infer<typeof imagePromptsOutputSchema>;
type Prepared = { task: { id: number; siteId: number; sectorId: number }; contentId: number; title: string; sections: string[]; count: number; style: string };
export type ImagePromptsResult = { taskId: number; imageIds: number[] };

export const generateImagePrompts: AIFunction<z.infer<typeof input>, Prepared, Output, ImagePromptsResult> = {
  name: "generate_image_prompts",
  operation: "generate_image_prompts",
  input,
  promptType: "image_prompts",
  async prepare(db: ScopedDb, { taskId }, config) {
    const task = await db.task.findFirst({ where: { id: taskId }, select: { id: true, siteId: true, sectorId: true } });
    if (!task) throw new NotFoundError("Task");
    const content = await db.content.findFirst({ where: { taskId }, select: { id: true, title: true, html: true } });
    if (!content?.html) throw new ValidationError("This task has no article yet: generate its content first.");
    const sections = headings(content.html).filter((h) => h.level === 2).map((h) => h.text);
    return { task, contentId: content.id, title: content.title, sections, count: Math.min(config.images.inArticleImages, sections.length), style: config.images.style };
  },
  units: () => 1,
  variables: (p) => ({
    title: p.title,
    sections: p.sections.length ? p.sections.map((s, i) => `${i}. ${s}`).join("\n") : "(no sections)",
    count: p.count,
    style: p.style,
  }),
  call: textCall(imagePromptsOutputSchema, "image_prompts"),
  siteId: (p) => p.task.siteId,
  async save(tx: ScopedTx, p, output) {
    // Re-planning replaces the images that have no file yet; generated images stay.
    await tx.image.deleteMany({ where: { taskId: p.task.id, storageKey: null } });
    const base = { accountId: 0, siteId: p.task.siteId, sectorId: p.task.sectorId, taskId: p.task.id, contentId: p.contentId };
    const rows = [
      { ...base, type: "featured" as const, prompt: output.featured.prompt.trim(), altText: output.featured.altText.trim(), position: 0 },
      ...output.inArticle.slice(0, p.count).map((img) => ({
        ...base,
        type: "in_article" as const,
        prompt: img.prompt.trim(),
        altText: img.altText.trim(),
        position: Math.min(Math.max(0, img.sectionIndex), Math.max(0, p.sections.length - 1)),
      })),
    ];
    const created = await tx.image.createManyAndReturn({ data: rows, select: { id: true } });
    return { taskId: p.task.id, imageIds: created.map((r) => r.id) };
  },
};
