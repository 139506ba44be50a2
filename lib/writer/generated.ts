// The seam for the AI engine: saving a generated article for a task goes through here, so model
// output is normalised and sanitised like everything else, usage is recorded for the monthly
// word limit, and the task is marked completed. Call assertWordsAvailable before generating.
import { assertCan } from "@/lib/auth/permissions";
import { countWords, excerpt, extractTitle, normalizeContent } from "@/lib/content";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { createContent, getContent, type ContentDto } from "./content";
import { recordGeneratedWords } from "./limits";
import { findTaskPlacement } from "./references";

export type GeneratedArticle = {
  /** Model output: HTML (fragment or full document), Markdown or plain text. */
  raw: string;
  title?: string;
  metaTitle?: string;
  metaDescription?: string;
  primaryKeyword?: string;
  secondaryKeywords?: string[];
};

/**
 * Model output → the fields of an article: normalised, sanitised HTML; the page template renders
 * the title as the H1, so a leading H1 from the model becomes the title. Pure; shared with the
 * AI engine's generate_content.
 */
export function prepareGeneratedArticle(article: GeneratedArticle, fallbackTitle: string) {
  const normalized = normalizeContent(article.raw).html;
  const heading = extractTitle(normalized);
  const html = heading !== null ? normalized.replace(/^\s*<h1[^>]*>[\s\S]*?<\/h1>\s*/, "") : normalized;
  const title = (article.title?.trim() || heading || "").trim().slice(0, 300);
  return {
    html,
    wordCount: countWords(html),
    ...(title ? { title } : {}),
    metaTitle: (article.metaTitle?.trim() || title || fallbackTitle).slice(0, 300),
    metaDescription: (article.metaDescription?.trim() || excerpt(html, 155)).slice(0, 1000),
    ...(article.primaryKeyword ? { primaryKeyword: article.primaryKeyword.trim() } : {}),
    ...(article.secondaryKeywords ? { secondaryKeywords: article.secondaryKeywords.map((k) => k.trim()).filter(Boolean).slice(0, 50) } : {}),
  };
}

export async function saveGeneratedContent(db: ScopedDb, ctx: TenantContext, taskId: number, article: GeneratedArticle): Promise<ContentDto> {
  assertCan(ctx.role, "write");
  const task = await findTaskPlacement(db, taskId);
  const fields = prepareGeneratedArticle(article, task.title);
  const { title, wordCount } = { title: fields.title, wordCount: fields.wordCount };
  const existing = await db.content.findFirst({ where: { taskId }, select: { id: true } });
  const contentId = existing?.id ?? (await createContent(db, ctx, { taskId, ...(title ? { title } : {}) })).id;
  // A regeneration replaces the article and bumps its version: an open editor sees a conflict.
  await db.content.update({ where: { id: contentId }, data: { ...fields, version: { increment: 1 } } });
  await recordGeneratedWords(db, { words: wordCount, contentId });
  await db.task.update({ where: { id: taskId }, data: { status: "completed", error: null } });
  return getContent(db, contentId);
}
