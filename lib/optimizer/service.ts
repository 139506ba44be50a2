// The optimizer: analysis of stored articles (pure core, ./analyze), AI proposals of edits (the
// engine's optimize_content, one model call, charged as usual), applying the edits the user
// accepts through the writer's versioned save, and batch proposals as a background run.
import { runAIFunction } from "@/lib/ai/engine";
import { NOTHING_TO_OPTIMIZE, type OptimizeContentResult } from "@/lib/optimizer/ai/optimize-content";
import { assertCan } from "@/lib/auth/permissions";
import { checkCredits } from "@/lib/billing/credits";
import { calculateCredits } from "@/lib/billing/prices";
import { scoped, type ScopedDb } from "@/lib/db/scoped";
import { ownAccount, type TenantContext } from "@/lib/db/tenant-context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { ContentOptimization } from "@/lib/generated/prisma/client";
import { assertWithinLimit } from "@/lib/plans/limits";
import { getSystemSettings } from "@/lib/system/settings";
import { jobs, startRun } from "@/lib/jobs/service";
import type { RunDto } from "@/lib/runs/service";
import { conflict, getContent, updateContent, type ContentDto } from "@/lib/writer/content";
import type { UpdateContentInput } from "@/lib/writer/schemas";
import { analysisInputFor } from "./content";
import { OPTIMIZABLE_CHECKS, analysisInput, analyzeContent, applyContentEdits, type Analysis, type ContentEdit, type EditableFields } from "./index";
import type { AnalyzeRequest, ApplyOptimizationInput, BatchOptimizeInput, OptimizeInput } from "./schemas";

export type AnalysisDto = Analysis & { contentId: number | null; version: number | null };

const ANALYZE_SELECT = { id: true, siteId: true, version: true, title: true, html: true, metaTitle: true, metaDescription: true, slug: true, primaryKeyword: true, secondaryKeywords: true, task: { select: { targetWordCount: true } } } as const;

export async function analyzeStoredContent(db: ScopedDb, contentId: number): Promise<AnalysisDto> {
  const content = await db.content.findFirst({ where: { id: contentId }, select: ANALYZE_SELECT });
  if (!content) throw new NotFoundError("Content");
  return { contentId: content.id, version: content.version, ...analyzeContent(await analysisInputFor(db, content)) };
}

/** analyze: a stored article by id, or raw fields (nothing stored, nothing read). */
export async function analyze(db: ScopedDb, input: AnalyzeRequest): Promise<AnalysisDto> {
  if ("contentId" in input) return analyzeStoredContent(db, input.contentId);
  const { targetWordCount, siteHost, ...fields } = input;
  return { contentId: null, version: null, ...analyzeContent(analysisInput(fields, { targetWordCount, siteUrl: siteHost && !/^https?:\/\//i.test(siteHost) ? `https://${siteHost}` : siteHost })) };
}

export type OptimizationEdit = ContentEdit & { scoreDelta: number; improves: string[] };
export type OptimizationDto = Omit<ContentOptimization, "accountId" | "edits" | "updatedAt"> & { edits: OptimizationEdit[] };

export function toOptimizationDto(row: ContentOptimization): OptimizationDto {
  const { accountId: _a, updatedAt: _u, edits, ...rest } = row;
  return { ...rest, edits: (edits ?? []) as unknown as OptimizationEdit[] };
}

export async function getOptimization(db: ScopedDb, id: number): Promise<OptimizationDto> {
  const row = await db.contentOptimization.findFirst({ where: { id } });
  if (!row) throw new NotFoundError("Optimization");
  return toOptimizationDto(row);
}

/** Proposals for one article, newest first (the editor shows the latest open one). */
export async function listOptimizations(db: ScopedDb, query: { contentId: number; status?: ContentOptimization["status"] }): Promise<OptimizationDto[]> {
  const content = await db.content.findFirst({ where: { id: query.contentId }, select: { id: true } });
  if (!content) throw new NotFoundError("Content");
  const rows = await db.contentOptimization.findMany({ where: { contentId: query.contentId, ...(query.status ? { status: query.status } : {}) }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 20 });
  return rows.map(toOptimizationDto);
}

async function assertAffordable(ctx: TenantContext, articles: number) {
  await getSystemSettings(); // current credit prices
  await checkCredits(scoped(ownAccount(ctx)), ctx.accountId, calculateCredits("optimize_content", 1));
  await assertWithinLimit(ctx.accountId, "monthlyAiRequests", articles);
}

/**
 * optimize: asks the model for edits that fix the flagged checks (all optimizable ones, or
 * `checks`) and stores them as a proposal with the projected score. One model call, in the request.
 */
export async function optimize(ctx: TenantContext, input: OptimizeInput): Promise<OptimizationDto> {
  assertCan(ctx.role, "write");
  const db = scoped(ctx);
  const analysis = await analyzeStoredContent(db, input.contentId);
  const wanted = new Set<string>(input.checks ?? OPTIMIZABLE_CHECKS);
  if (!analysis.checks.some((c) => c.status !== "good" && wanted.has(c.id))) throw new ValidationError(NOTHING_TO_OPTIMIZE, { checks: [NOTHING_TO_OPTIMIZE] });
  await assertAffordable(ctx, 1);
  const { result } = await runAIFunction<OptimizeContentResult>(ctx, "optimize_content", { contentId: input.contentId, checks: input.checks, userId: ctx.userId, entryPoint: input.entryPoint ?? "editor" });
  return getOptimization(db, result.optimizationId);
}

export type ApplyOptimizationResult = {
  content: ContentDto;
  optimization: OptimizationDto;
  applied: string[];
  skipped: { id: string; reason: string }[];
  scoreBefore: number;
  scoreAfter: number;
};

const fieldsOf = (c: ContentDto): EditableFields => ({ title: c.title, html: c.html, metaTitle: c.metaTitle, metaDescription: c.metaDescription, slug: c.slug });

/**
 * apply: the accepted edits, through the writer's versioned save (so an open editor sees a
 * conflict, slugs stay unique, HTML is sanitised). Edits whose text changed since the proposal are
 * skipped, never forced.
 */
export async function applyOptimization(ctx: TenantContext, input: ApplyOptimizationInput): Promise<ApplyOptimizationResult> {
  assertCan(ctx.role, "write");
  const db = scoped(ctx);
  const proposal = await getOptimization(db, input.optimizationId);
  if (proposal.status !== "proposed") throw new ConflictError(`This proposal was already ${proposal.status}.`);
  const ids = [...new Set(input.editIds)];
  const unknown = ids.filter((id) => !proposal.edits.some((e) => e.id === id));
  if (unknown.length) throw new ValidationError(`Unknown edit: ${unknown.join(", ")}.`, { editIds: [`This proposal has no edit ${unknown[0]}.`] });
  const content = await getContent(db, proposal.contentId);
  if (input.version !== undefined && input.version !== content.version) await conflict(db, content.id);
  const before = analyzeContent(await analysisInputFor(db, content));
  const { fields, applied, skipped } = applyContentEdits(fieldsOf(content), proposal.edits.filter((e) => ids.includes(e.id)));
  let saved = content;
  if (applied.length) {
    const changes: UpdateContentInput = { version: input.version ?? content.version };
    for (const key of Object.keys(fields) as (keyof EditableFields)[]) if (fields[key] !== fieldsOf(content)[key]) changes[key] = fields[key];
    saved = await updateContent(db, ctx, content.id, changes);
  }
  const after = analyzeContent(await analysisInputFor(db, saved));
  const row = await db.contentOptimization.update({
    where: { id: proposal.id },
    data: { status: applied.length ? "applied" : "proposed", appliedEditIds: applied, scoreAfter: applied.length ? after.score : null, appliedAt: applied.length ? new Date() : null },
  });
  return { content: saved, optimization: toOptimizationDto(row), applied, skipped, scoreBefore: before.score, scoreAfter: after.score };
}

export async function dismissOptimization(ctx: TenantContext, optimizationId: number): Promise<OptimizationDto> {
  assertCan(ctx.role, "write");
  const db = scoped(ctx);
  const proposal = await getOptimization(db, optimizationId);
  if (proposal.status !== "proposed") return proposal;
  return toOptimizationDto(await db.contentOptimization.update({ where: { id: proposal.id }, data: { status: "dismissed" } }));
}

/** batch_optimize: proposals for many articles in a background run; nothing is applied. */
export async function startBatchOptimize(ctx: TenantContext, input: BatchOptimizeInput): Promise<RunDto> {
  assertCan(ctx.role, "write");
  const ids = [...new Set(input.contentIds)];
  const rows = await scoped(ownAccount(ctx)).content.findMany({ where: { id: { in: ids } }, select: { id: true, siteId: true, sectorId: true } });
  if (rows.length !== ids.length) throw new NotFoundError("Content");
  await assertAffordable(ctx, ids.length);
  const sameSite = rows.every((r) => r.siteId === rows[0].siteId);
  const sameSector = sameSite && rows.every((r) => r.sectorId === rows[0].sectorId);
  return startRun(ctx, jobs.optimizeContent, { contentIds: ids, ...(input.checks ? { checks: input.checks } : {}), entryPoint: input.entryPoint ?? "batch" }, {
    total: ids.length,
    message: `Proposing optimizations for ${ids.length} article${ids.length === 1 ? "" : "s"}…`,
    siteId: sameSite ? rows[0].siteId : null,
    sectorId: sameSector ? rows[0].sectorId : null,
  });
}

/** For the batch run: which of these articles have something the AI could fix. */
export async function articlesToOptimize(db: ScopedDb, contentIds: number[], checks?: string[]): Promise<number[]> {
  const wanted = new Set<string>(checks ?? OPTIMIZABLE_CHECKS);
  const out: number[] = [];
  for (const id of contentIds) {
    const analysis = await analyzeStoredContent(db, id).catch(() => null);
    if (analysis?.checks.some((c) => c.status !== "good" && wanted.has(c.id))) out.push(id);
  }
  return out;
}
