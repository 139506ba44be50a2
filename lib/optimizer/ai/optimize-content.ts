// optimize_content: one article → a proposal of edits (title, meta, first paragraph, subheadings,
// slug) that fix what the optimizer's analysis flags, each with the score change it would bring.
// Nothing in the article changes here: the user accepts edits later (lib/optimizer/service.ts),
// through the writer's versioned save.
import { z } from "zod";
import { sanitizeHtml } from "@/lib/content";
import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { idSchema } from "@/lib/http/validation";
import { linkIdsInHtml } from "@/lib/linker/links";
import { EDIT_KINDS, analyzeContent, currentValue, projectEdits, type AnalyzeInput, type Check, type ContentEdit, type EditableFields } from "@/lib/optimizer";
import { OPTIMIZABLE_CHECKS, analysisInputFor, subheadingsOf } from "@/lib/optimizer/content";
import type { AIFunction, ScopedTx } from "@/lib/ai/types";
import { textCall } from "@/lib/ai/text-call";
import { ENTRY_POINTS, type EntryPoint } from "@/lib/optimizer/schemas";

const input = z.object({
  contentId: idSchema,
  checks: z.array(z.enum(OPTIMIZABLE_CHECKS)).max(OPTIMIZABLE_CHECKS.length).optional(),
  userId: idSchema.nullable().optional(),
  runId: z.uuid().optional(),
  entryPoint: z.enum(ENTRY_POINTS).optional(),
});
export const optimizeOutputSchema = z.object({
  edits: z.array(z.object({ kind: z.enum(EDIT_KINDS), index: z.number().int(), after: z.string(), reason: z.string() })),
});
type Output = z.infer<typeof optimizeOutputSchema>;

type Prepared = {
  content: { id: number; siteId: number; sectorId: number; version: number; status: string; primaryKeyword: string; secondaryKeywords: string[] };
  fields: EditableFields;
  analysisInput: AnalyzeInput;
  flagged: Check[];
  intro: string;
  subheadings: string[];
  wordCount: number;
  userId: number | null;
  runId: string | null;
  entryPoint: EntryPoint;
};

export const NOTHING_TO_OPTIMIZE = "Nothing for the AI to fix: the title, meta, first paragraph, subheadings and slug already pass their checks.";

export type OptimizeContentResult = { optimizationId: number; contentId: number; scoreBefore: number; projectedScore: number; edits: number };

const INLINE_ONLY = /<\/?(?!(?:a|strong|em|b|i|u|s|code|br|span|sub|sup|mark|small)\b)[a-z][a-z0-9]*\b[^>]*>/gi;
const TAGS = /<[^>]*>/g;
const LIMITS: Partial<Record<ContentEdit["kind"], number>> = { title: 300, meta_title: 300, meta_description: 1000, slug: 120, heading: 300 };

/** The model's edits, made safe and addressable: `before` from the article, HTML sanitised, no-ops and link-dropping intros removed. */
function normalizeEdits(p: Prepared, output: Output): ContentEdit[] {
  const edits: ContentEdit[] = [];
  const seen = new Set<string>();
  for (const raw of output.edits) {
    const index = raw.kind === "heading" ? raw.index : 0;
    const key = `${raw.kind}:${index}`;
    if (seen.has(key) || (raw.kind === "slug" && p.content.status === "published")) continue;
    const before = currentValue(p.fields, raw.kind, index);
    if (before === null) continue;
    let after = raw.after.trim();
    if (raw.kind === "intro") {
      after = sanitizeHtml(after).replace(INLINE_ONLY, "").trim();
      // The linker's links live in the text: an intro that drops one would break its undo.
      const kept = linkIdsInHtml(after);
      if ([...linkIdsInHtml(before)].some((id) => !kept.has(id))) continue;
    } else {
      after = after.replace(TAGS, "").replace(/\s+/g, " ").trim().slice(0, LIMITS[raw.kind]);
    }
    if (!after || after.replace(/\s+/g, " ") === before.replace(/\s+/g, " ").trim()) continue;
    seen.add(key);
    edits.push({ id: `e${edits.length + 1}`, kind: raw.kind, index, before, after, reason: raw.reason.trim().slice(0, 500) });
  }
  return edits;
}

export const optimizeContent: AIFunction<z.infer<typeof input>, Prepared, Output, OptimizeContentResult> = {
  name: "optimize_content",
  operation: "optimize_content",
  input,
  promptType: "optimization",
  async prepare(db: ScopedDb, { contentId, checks, userId, runId, entryPoint }) {
    const content = await db.content.findFirst({
      where: { id: contentId },
      select: { id: true, siteId: true, sectorId: true, version: true, status: true, title: true, html: true, metaTitle: true, metaDescription: true, slug: true, primaryKeyword: true, secondaryKeywords: true, task: { select: { targetWordCount: true } } },
    });
    if (!content) throw new NotFoundError("Content");
    const analysisInput = await analysisInputFor(db, content);
    const analysis = analyzeContent(analysisInput);
    const wanted = new Set<string>(checks?.length ? checks : OPTIMIZABLE_CHECKS);
    const fields = { title: content.title, html: content.html, metaTitle: content.metaTitle, metaDescription: content.metaDescription, slug: content.slug };
    const flagged = analysis.checks.filter((c) => c.status !== "good" && wanted.has(c.id));
    // Nothing to ask the model (and nothing to charge for).
    if (!flagged.length) throw new ValidationError(NOTHING_TO_OPTIMIZE, { checks: [NOTHING_TO_OPTIMIZE] });
    return {
      content: { id: content.id, siteId: content.siteId, sectorId: content.sectorId, version: content.version, status: content.status, primaryKeyword: content.primaryKeyword, secondaryKeywords: content.secondaryKeywords },
      fields,
      analysisInput,
      flagged,
      intro: currentValue(fields, "intro") ?? "",
      subheadings: subheadingsOf(content.html),
      wordCount: analysis.stats.wordCount,
      userId: userId ?? null,
      runId: runId ?? null,
      entryPoint: entryPoint ?? (runId ? "batch" : "editor"),
    };
  },
  units: () => 1,
  variables: (p) => ({
    keyword: p.content.primaryKeyword || "(none: suggest edits for the checks only)",
    secondary_keywords: p.content.secondaryKeywords.join(", ") || "(none)",
    title: p.fields.title,
    meta_title: p.fields.metaTitle || "(none)",
    meta_description: p.fields.metaDescription || "(none)",
    slug: p.fields.slug || "(none)",
    word_count: p.wordCount,
    intro: p.intro.replace(/\s+/g, " ").trim() || "(none)",
    subheadings: p.subheadings.length ? p.subheadings.map((h, i) => `${i}. ${h}`).join("\n") : "(none)",
    checks: p.flagged.length ? p.flagged.map((c) => `- ${c.id}: ${c.message}${c.suggestion ? ` - ${c.suggestion}` : ""}`).join("\n") : "(none)",
    edit_kinds: (p.content.status === "published" ? EDIT_KINDS.filter((k) => k !== "slug") : EDIT_KINDS).join(", "),
  }),
  call: textCall(optimizeOutputSchema, "content_edits"),
  siteId: (p) => p.content.siteId,
  entryPoint: (p) => p.entryPoint,
  async save(tx: ScopedTx, p, output) {
    const edits = normalizeEdits(p, output);
    const projection = projectEdits(p.analysisInput, edits);
    const byId = new Map(projection.edits.map((e) => [e.id, e]));
    const row = await tx.contentOptimization.create({
      data: {
        accountId: 0,
        siteId: p.content.siteId,
        sectorId: p.content.sectorId,
        contentId: p.content.id,
        contentVersion: p.content.version,
        scoreBefore: projection.scoreBefore,
        projectedScore: projection.projectedScore,
        checks: p.flagged.map((c) => c.id),
        edits: edits.map((e) => ({ ...e, scoreDelta: byId.get(e.id)!.scoreDelta, improves: byId.get(e.id)!.improves })),
        runId: p.runId,
        entryPoint: p.entryPoint,
        createdById: p.userId,
      },
      select: { id: true },
    });
    return { optimizationId: row.id, contentId: p.content.id, scoreBefore: projection.scoreBefore, projectedScore: projection.projectedScore, edits: edits.length };
  },
};
