// generate_content: one writer task → its article (Content), written in the task's author
// profile (or the account's first active one) and following its strategy's sections.
import { z } from "zod";
import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError } from "@/lib/errors";
import { idSchema } from "@/lib/http/validation";
import { freeSlug } from "@/lib/writer/content";
import { prepareGeneratedArticle } from "@/lib/writer/generated";
import { recordGeneratedWords } from "@/lib/writer/limits";
import { AIOutputError } from "@/lib/ai/errors";
import type { AIFunction, ScopedTx } from "@/lib/ai/types";
import { textCall } from "@/lib/ai/text-call";

const input = z.object({ taskId: idSchema });
export const contentOutputSchema = z.object({
  title: z.string(),
  metaTitle: z.string(),
  metaDescription: z.string(),
  primaryKeyword: z.string(),
  secondaryKeywords: z.array(z.string()),
  html: z.string(),
});
type Output = z.infer<typeof contentOutputSchema>;

type Prepared = {
  task: { id: number; title: string; description: string; keywords: string; contentStructure: string; targetWordCount: number; siteId: number; sectorId: number; clusterId: number | null };
  author: { name: string; description: string; tone: string; language: string };
  sections: string[];
};
export type GenerateContentResult = { taskId: number; contentId: number; wordCount: number };

const DEFAULT_AUTHOR = { name: "the site's editorial team", description: "", tone: "professional", language: "en" };

export const generateContent: AIFunction<z.infer<typeof input>, Prepared, Output, GenerateContentResult> = {
  name: "generate_content",
  operation: "generate_content",
  input,
  promptType: "content_generation",
  async prepare(db: ScopedDb, { taskId }, _config, memo) {
    const task = await db.task.findFirst({ where: { id: taskId } });
    if (!task) throw new NotFoundError("Task");
    // The items of a run mostly share their author and strategy: each is read once per run.
    const author =
      (task.authorProfileId ? await memo(`author:${task.authorProfileId}`, () => db.authorProfile.findFirst({ where: { id: task.authorProfileId! } })) : null) ??
      (await memo("author:default", () => db.authorProfile.findFirst({ where: { isActive: true }, orderBy: { id: "asc" } })));
    const strategy =
      (task.strategyId ? await memo(`strategy:${task.strategyId}`, () => db.strategy.findFirst({ where: { id: task.strategyId! } })) : null) ??
      (await memo(`strategy:sector:${task.sectorId}`, () =>
        db.strategy.findFirst({ where: { isActive: true, OR: [{ sectorId: task.sectorId }, { sectorId: null }] }, orderBy: [{ sectorId: { sort: "asc", nulls: "last" } }, { id: "asc" }] }),
      ));
    const logic = (strategy?.sectionLogic ?? {}) as { sections?: string[]; faq?: boolean };
    const sections = [...(logic.sections ?? []), ...(logic.faq ? ["FAQ"] : [])];
    return {
      task: { id: task.id, title: task.title, description: task.description, keywords: task.keywords, contentStructure: task.contentStructure, targetWordCount: task.targetWordCount, siteId: task.siteId, sectorId: task.sectorId, clusterId: task.clusterId },
      author: author ? { name: author.name, description: author.description, tone: author.tone, language: author.language } : DEFAULT_AUTHOR,
      sections,
    };
  },
  units: () => 1,
  variables: (p) => ({
    title: p.task.title,
    description: p.task.description || "(none)",
    keywords: p.task.keywords || p.task.title,
    word_count: p.task.targetWordCount,
    tone: p.author.tone,
    language: p.author.language,
    author: p.author.description ? `${p.author.name} (${p.author.description})` : p.author.name,
    sections: p.sections.length ? p.sections.join(", ") : "(choose the sections yourself)",
    content_structure: p.task.contentStructure,
  }),
  call: textCall(contentOutputSchema, "article"),
  siteId: (p) => p.task.siteId,
  async save(tx: ScopedTx, p, output) {
    const article = prepareGeneratedArticle({ raw: output.html, ...output }, p.task.title);
    if (!article.html.trim()) throw new AIOutputError("The model returned an empty article.");
    const title = article.title ?? p.task.title;
    const data = { ...article, title, metaTitle: article.metaTitle.slice(0, 70), metaDescription: article.metaDescription.slice(0, 160) };
    // A regenerated article keeps its slug (it may be published); a new one gets a free one.
    // (Find, then create or update: an upsert costs two more round trips.)
    const existing = await tx.content.findFirst({ where: { taskId: p.task.id }, select: { id: true, slug: true } });
    const slug = existing?.slug || (await freeSlug(tx, p.task.siteId, title, existing?.id));
    const content = existing
      ? await tx.content.update({ where: { id: existing.id }, data: { ...data, slug, version: { increment: 1 } }, select: { id: true } })
      : await tx.content.create({ data: { ...data, slug, accountId: 0, siteId: p.task.siteId, sectorId: p.task.sectorId, taskId: p.task.id }, select: { id: true } });
    if (p.task.clusterId) {
      await tx.contentClusterMap.upsert({
        where: { contentId_clusterId: { contentId: content.id, clusterId: p.task.clusterId } },
        create: { accountId: 0, siteId: p.task.siteId, sectorId: p.task.sectorId, contentId: content.id, clusterId: p.task.clusterId, role: "primary" },
        update: {},
      });
    }
    await recordGeneratedWords(tx, { words: data.wordCount, contentId: content.id });
    await tx.task.update({ where: { id: p.task.id }, data: { status: "completed", error: null } });
    return { taskId: p.task.id, contentId: content.id, wordCount: data.wordCount };
  },
};
