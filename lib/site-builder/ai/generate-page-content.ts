// generate_page_content: one blueprint page → its copy, section by section (sanitised HTML).
// Posts are not written here: create_tasks hands them to the writer.
import { z } from "zod";
import { sanitizeHtml } from "@/lib/content";
import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { idSchema } from "@/lib/http/validation";
import { AIOutputError } from "@/lib/ai/errors";
import { textCall } from "@/lib/ai/text-call";
import type { AIFunction, CallArgs, ScopedTx } from "@/lib/ai/types";
import type { Section } from "../schemas";

const input = z.object({ pageId: idSchema });

export const pageContentOutputSchema = z.object({ sections: z.array(z.object({ heading: z.string(), content: z.string() })) });
type Output = z.infer<typeof pageContentOutputSchema>;

type Prepared = {
  page: { id: number; siteId: number; title: string; type: string; purpose: string; keywords: string[]; sections: Section[] };
  siteName: string;
  audience: string;
  brandPersonality: string;
};
export type GeneratePageContentResult = { pageId: number; sections: number };

const DEFAULT_SECTIONS: Section[] = [
  { type: "hero", heading: "", brief: "A headline and one sentence that say what the page offers.", content: "" },
  { type: "content", heading: "", brief: "The page's main content.", content: "" },
  { type: "cta", heading: "", brief: "What the visitor should do next.", content: "" },
];

const callModel = textCall(pageContentOutputSchema, "page_content");

export const generatePageContent: AIFunction<z.infer<typeof input>, Prepared, Output, GeneratePageContentResult> = {
  name: "generate_page_content",
  operation: "generate_page_content",
  input,
  promptType: "page_content",
  async prepare(db: ScopedDb, { pageId }) {
    const page = await db.pageBlueprint.findFirst({ where: { id: pageId } });
    if (!page) throw new NotFoundError("Page");
    if (page.type === "post") throw new ValidationError(`"${page.title}" is a blog post: create its writer task instead.`);
    const blueprint = await db.siteBlueprint.findFirst({ where: { id: page.blueprintId }, select: { audience: true, brandPersonality: true, site: { select: { name: true } } } });
    if (!blueprint) throw new NotFoundError("Blueprint");
    const options = await db.siteBuilderOption.findMany({ where: { slug: { in: [blueprint.audience, blueprint.brandPersonality].filter(Boolean) } }, select: { kind: true, slug: true, name: true } });
    const name = (kind: string, slug: string, fallback: string) => options.find((o) => o.kind === kind && o.slug === slug)?.name.toLowerCase() ?? fallback;
    const sections = Array.isArray(page.sections) && page.sections.length ? (page.sections as Section[]) : DEFAULT_SECTIONS;
    return {
      page: { id: page.id, siteId: page.siteId, title: page.title, type: page.type, purpose: page.purpose, keywords: page.keywords, sections },
      siteName: blueprint.site.name,
      audience: name("audience_profile", blueprint.audience, "its visitors"),
      brandPersonality: name("brand_personality", blueprint.brandPersonality, "clear, helpful"),
    };
  },
  units: () => 1,
  variables: (p) => ({
    site: p.siteName,
    title: p.page.title,
    type: p.page.type,
    purpose: p.page.purpose || p.page.title,
    keywords: p.page.keywords.join(", ") || p.page.title,
    audience: p.audience,
    brand_personality: p.brandPersonality,
    sections: p.page.sections.map((s, i) => `${i + 1}. ${s.type} | ${s.heading || "(choose one)"} | ${s.brief || "(none)"}`).join("\n"),
  }),
  async call(args: CallArgs<Prepared>) {
    const answer = await callModel(args);
    if (answer.data.sections.length !== args.prepared.page.sections.length) {
      throw new AIOutputError(`The model wrote ${answer.data.sections.length} sections for a page that has ${args.prepared.page.sections.length}.`);
    }
    return answer;
  },
  siteId: (p) => p.page.siteId,
  async save(tx: ScopedTx, p, output) {
    const sections: Section[] = p.page.sections.map((s, i) => ({ ...s, heading: s.heading || output.sections[i].heading.trim().slice(0, 200), content: sanitizeHtml(output.sections[i].content) }));
    await tx.pageBlueprint.update({ where: { id: p.page.id }, data: { sections: sections as unknown as Prisma.InputJsonValue, status: "generated", generatedAt: new Date(), error: null } });
    return { pageId: p.page.id, sections: sections.length };
  },
};
