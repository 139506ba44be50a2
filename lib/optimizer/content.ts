// The analysis input of a stored article: its fields, the task's target length and the site's
// address (absolute links to it count as internal).
import type { ScopedDb } from "@/lib/db/scoped";
import { siteBaseUrl } from "@/lib/linker/targets";
import { analysisInput, type AnalyzeInput } from "./index";

export { CHECK_IDS, OPTIMIZABLE_CHECKS, subheadingsOf } from "./index";

export type AnalyzableContent = {
  siteId: number;
  title: string;
  html: string;
  metaTitle: string;
  metaDescription: string;
  slug: string;
  primaryKeyword: string;
  secondaryKeywords: string[];
  task?: { targetWordCount: number } | null;
};

export async function analysisInputFor(db: Pick<ScopedDb, "site">, content: AnalyzableContent): Promise<AnalyzeInput> {
  const site = await db.site.findFirst({ where: { id: content.siteId }, select: { slug: true, domain: true } });
  return analysisInput(content, { targetWordCount: content.task?.targetWordCount, siteUrl: site ? siteBaseUrl(site) : null });
}
