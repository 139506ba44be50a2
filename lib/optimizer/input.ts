import type { AnalyzeInput } from "./types";

type ArticleFields = Pick<AnalyzeInput, "title" | "html" | "metaTitle" | "metaDescription" | "slug" | "primaryKeyword" | "secondaryKeywords">;

/**
 * The analysis input for an article, built the same way on the server (REST, batch) and in the
 * editor (live score), so both show the same number. `siteUrl` is the site's public address: only
 * an absolute one names a host (a hosted site's relative `/sites/…` links are internal anyway).
 */
export function analysisInput(article: ArticleFields, context: { targetWordCount?: number | null; siteUrl?: string | null } = {}): AnalyzeInput {
  const siteUrl = context.siteUrl ?? "";
  return {
    title: article.title,
    html: article.html,
    metaTitle: article.metaTitle,
    metaDescription: article.metaDescription,
    slug: article.slug,
    primaryKeyword: article.primaryKeyword,
    secondaryKeywords: article.secondaryKeywords,
    targetWordCount: context.targetWordCount ?? undefined,
    siteHost: /^https?:\/\//i.test(siteUrl) ? siteUrl : undefined,
  };
}
