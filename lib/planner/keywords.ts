// Keywords: list with filters, create (one, pasted lines, seed keywords), edit, delete, bulk
// status and cluster assignment. Uniqueness is per site + sector on the normalised text.
import type { AppContext } from "@/lib/auth/service";
import { assertCan } from "@/lib/auth/permissions";
import { tenantOf, type ScopedDb } from "@/lib/db/scoped";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listCount } from "@/lib/http/list-count";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import { assertWithinLimit } from "@/lib/plans/limits";
import { assertActiveSector } from "@/lib/sites/placement";
import { releaseTrashedKeywords, trashKeywords } from "@/lib/trash/service";
import { recomputeClusterStats } from "./cluster-stats";
import { countKeywords, estimateKeywords, KEYWORD_ORDERING, keywordFilterSql, keywordPage, type KeywordListRow } from "./keyword-list";
import { checkKeyword, normalizeKeyword } from "./keyword-text";
import { parseNumber } from "./csv/numbers";
import type { AddKeywordLinesInput, CreateKeywordInput, KeywordListQuery, UpdateKeywordInput } from "./schemas";

export type KeywordRow = KeywordListRow;


export function keywordWhere(query: Omit<KeywordListQuery, "page" | "pageSize" | "ordering">): Prisma.KeywordWhereInput {
  const where: Prisma.KeywordWhereInput = {};
  if (query.siteId) where.siteId = query.siteId;
  if (query.sectorId) where.sectorId = query.sectorId;
  if (query.search) where.normalized = { contains: normalizeKeyword(query.search) };
  if (query.status) where.status = query.status;
  if (query.intent) where.intent = query.intent;
  if (query.clusterId === "none") where.clusters = { none: {} };
  else if (query.clusterId) where.clusters = { some: { clusterId: query.clusterId } };
  if (query.difficultyMin !== undefined || query.difficultyMax !== undefined) where.difficulty = { gte: query.difficultyMin, lte: query.difficultyMax };
  if (query.volumeMin !== undefined || query.volumeMax !== undefined) where.volume = { gte: query.volumeMin, lte: query.volumeMax };
  return where;
}

const rowSelect = {
  id: true,
  keyword: true,
  volume: true,
  difficulty: true,
  intent: true,
  cpc: true,
  status: true,
  source: true,
  siteId: true,
  sectorId: true,
  createdAt: true,
  clusters: { select: { cluster: { select: { id: true, name: true } } } },
} satisfies Prisma.KeywordSelect;

function toRow(k: Prisma.KeywordGetPayload<{ select: typeof rowSelect }>): KeywordRow {
  const { clusters, cpc, ...rest } = k;
  return { ...rest, cpc: cpc === null ? null : Number(cpc), clusters: clusters.map((c) => c.cluster) };
}

export type KeywordPage = Paginated<KeywordRow> & { countIsEstimate: boolean; nextCursor: string | null; previousCursor: string | null };

/**
 * One page of keywords: `cursor` (a page's nextCursor or previousCursor) for keyset paging at any
 * depth, either way, else `page`. The count is exact up to EXACT_COUNT_LIMIT matching rows, else the planner's
 * estimate (`countIsEstimate`).
 */
export async function listKeywords(db: ScopedDb, query: KeywordListQuery): Promise<KeywordPage> {
  const filter = keywordFilterSql(tenantOf(db), query);
  const { field, direction } = parseOrdering<(typeof KEYWORD_ORDERING)[number]>(query.ordering, KEYWORD_ORDERING, "-createdAt");
  const ordering = `${direction === "desc" ? "-" : ""}${field}`;
  const offset = (query.page - 1) * query.pageSize;
  const estimate = estimateKeywords(db, filter);
  const { rows, nextCursor, previousCursor } = await keywordPage(db, filter, { field, direction, ordering }, { cursor: query.cursor, offset, pageSize: query.pageSize });
  const counted = await listCount({ offset: query.cursor ? null : offset, rowsOnPage: rows.length, pageSize: query.pageSize, estimate, exact: (take) => countKeywords(db, filter, take) });
  const results: KeywordRow[] = rows;
  return { ...counted, results, nextCursor, previousCursor };
}

export async function getKeyword(db: ScopedDb, id: number): Promise<KeywordRow> {
  const keyword = await db.keyword.findFirst({ where: { id }, select: rowSelect });
  if (!keyword) throw new NotFoundError("Keyword");
  return toRow(keyword);
}

function validKeyword(text: string): string {
  const checked = checkKeyword(text, 255);
  if (typeof checked !== "string") throw new ValidationError(checked.reason, { keyword: [checked.reason] });
  return checked;
}

export async function createKeyword(db: ScopedDb, ctx: AppContext, input: CreateKeywordInput): Promise<KeywordRow> {
  assertCan(ctx.role, "write");
  await assertActiveSector(db, input.siteId, input.sectorId);
  const keyword = validKeyword(input.keyword);
  await assertWithinLimit(ctx.accountId, "keywords", 1);
  await releaseTrashedKeywords(db, input.siteId, input.sectorId, [normalizeKeyword(keyword)]);
  try {
    const created = await db.keyword.create({
      data: { ...input, keyword, normalized: normalizeKeyword(keyword), accountId: ctx.accountId, source: "manual" },
      select: { id: true },
    });
    return getKeyword(db, created.id);
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new ConflictError(`“${keyword}” is already in this sector.`, { keyword: ["This keyword is already in this sector."] });
    throw error;
  }
}

export type AddManyReport = { added: number; duplicates: number; invalid: { line: number; text: string; reason: string }[] };

/**
 * Pasted lines: one keyword per line, optionally followed by `, volume, difficulty` (comma, tab or
 * semicolon). Duplicates (in the paste or already in the sector) are skipped and counted.
 */
export async function addKeywordLines(db: ScopedDb, ctx: AppContext, input: AddKeywordLinesInput): Promise<AddManyReport> {
  assertCan(ctx.role, "write");
  await assertActiveSector(db, input.siteId, input.sectorId);
  const report: AddManyReport = { added: 0, duplicates: 0, invalid: [] };
  const rows = new Map<string, Prisma.KeywordCreateManyInput>();
  input.text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const [text, volumeText, difficultyText] = line.split(/\t|;|,\s+(?=[\d.,]+[kKmM]?\s*(?:$|[,;\t]))/).map((p) => p.trim());
    const checked = checkKeyword(text, 255);
    if (typeof checked !== "string") return void report.invalid.push({ line: index + 1, text: line.slice(0, 200), reason: checked.reason });
    const volume = volumeText ? parseNumber(volumeText) : null;
    const difficulty = difficultyText ? parseNumber(difficultyText) : null;
    if (volumeText && (typeof volume !== "number" || !Number.isFinite(volume) || volume < 0)) return void report.invalid.push({ line: index + 1, text: line.slice(0, 200), reason: `Volume “${volumeText}” is not a number` });
    if (difficultyText && (typeof difficulty !== "number" || !Number.isFinite(difficulty) || difficulty < 0 || difficulty > 100)) {
      return void report.invalid.push({ line: index + 1, text: line.slice(0, 200), reason: `Difficulty “${difficultyText}” is not 0–100` });
    }
    const normalized = normalizeKeyword(checked);
    if (rows.has(normalized)) return void report.duplicates++;
    rows.set(normalized, {
      accountId: ctx.accountId,
      siteId: input.siteId,
      sectorId: input.sectorId,
      keyword: checked,
      normalized,
      volume: typeof volume === "number" ? Math.round(volume) : null,
      difficulty: typeof difficulty === "number" ? Math.round(difficulty) : null,
      source: "manual",
    });
  });
  const fresh = await withoutExisting(db, input.siteId, input.sectorId, [...rows.values()]);
  report.duplicates += rows.size - fresh.length;
  if (fresh.length) {
    await assertWithinLimit(ctx.accountId, "keywords", fresh.length);
    await releaseTrashedKeywords(db, input.siteId, input.sectorId, fresh.map((r) => r.normalized));
    report.added = (await db.keyword.createMany({ data: fresh, skipDuplicates: true })).count;
    report.duplicates += fresh.length - report.added;
  }
  return report;
}

async function withoutExisting(db: ScopedDb, siteId: number, sectorId: number, rows: Prisma.KeywordCreateManyInput[]) {
  const existing = new Set<string>();
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000).map((r) => r.normalized);
    const found = await db.keyword.findMany({ where: { siteId, sectorId, normalized: { in: chunk } }, select: { normalized: true } });
    found.forEach((f) => existing.add(f.normalized));
  }
  return rows.filter((r) => !existing.has(r.normalized));
}

/** Adds the sector's seed keywords (all, or the chosen ones) that are not in the sector yet. */
export async function addSeedKeywords(db: ScopedDb, ctx: AppContext, input: { siteId: number; sectorId: number; seedKeywordIds?: number[] }) {
  assertCan(ctx.role, "write");
  const sector = await assertActiveSector(db, input.siteId, input.sectorId);
  if (!sector.industrySectorId) throw new ValidationError("This sector has no industry sector, so it has no seed keywords. Choose the site's industry and sectors first.");
  const seeds = await db.seedKeyword.findMany({
    where: { industrySectorId: sector.industrySectorId, isActive: true, ...(input.seedKeywordIds ? { id: { in: input.seedKeywordIds } } : {}) },
  });
  const rows = seeds.map((s) => ({
    accountId: ctx.accountId,
    siteId: input.siteId,
    sectorId: input.sectorId,
    keyword: s.keyword,
    normalized: normalizeKeyword(s.keyword),
    volume: s.volume,
    difficulty: s.difficulty,
    intent: s.intent,
    seedKeywordId: s.id,
    source: "seed" as const,
  }));
  const fresh = await withoutExisting(db, input.siteId, input.sectorId, rows);
  if (fresh.length) await assertWithinLimit(ctx.accountId, "keywords", fresh.length);
  await releaseTrashedKeywords(db, input.siteId, input.sectorId, fresh.map((r) => r.normalized));
  const added = fresh.length ? (await db.keyword.createMany({ data: fresh, skipDuplicates: true })).count : 0;
  return { added, duplicates: seeds.length - added };
}

export async function listSeedKeywords(db: ScopedDb, siteId: number, sectorId: number) {
  const sector = await assertActiveSector(db, siteId, sectorId);
  if (!sector.industrySectorId) return [];
  return db.seedKeyword.findMany({ where: { industrySectorId: sector.industrySectorId, isActive: true }, orderBy: { volume: "desc" } });
}

export async function updateKeyword(db: ScopedDb, ctx: AppContext, id: number, input: UpdateKeywordInput): Promise<KeywordRow> {
  assertCan(ctx.role, "write");
  const current = await getKeyword(db, id);
  const data: Prisma.KeywordUpdateInput = { ...input };
  if (input.keyword !== undefined) {
    data.keyword = validKeyword(input.keyword);
    data.normalized = normalizeKeyword(data.keyword);
    await releaseTrashedKeywords(db, current.siteId, current.sectorId, [data.normalized]);
  }
  try {
    await db.keyword.update({ where: { id }, data });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new ConflictError("Another keyword in this sector already has this text.", { keyword: ["Already in this sector."] });
    throw error;
  }
  if (input.volume !== undefined) await recomputeClusterStats(db, current.clusters.map((c) => c.id));
  return getKeyword(db, id);
}

/** Moves keywords to the trash (lib/trash): restorable for 30 days, with their cluster memberships. */
export async function deleteKeywords(db: ScopedDb, ctx: AppContext, ids: number[]): Promise<number> {
  return trashKeywords(db, ctx, ids);
}

export async function updateKeywordsStatus(db: ScopedDb, ctx: AppContext, ids: number[], status: "pending" | "active" | "archived") {
  assertCan(ctx.role, "write");
  const { count } = await db.keyword.updateMany({ where: { id: { in: ids } }, data: { status } });
  if (!count) throw new NotFoundError("Keyword");
  return count;
}

/** Adds keywords to a cluster of the same site and sector (they keep their other clusters). */
export async function assignKeywordsToCluster(db: ScopedDb, ctx: AppContext, ids: number[], clusterId: number) {
  assertCan(ctx.role, "write");
  const cluster = await db.cluster.findFirst({ where: { id: clusterId }, select: { id: true, siteId: true, sectorId: true } });
  if (!cluster) throw new NotFoundError("Cluster");
  const keywords = await db.keyword.findMany({ where: { id: { in: ids }, siteId: cluster.siteId, sectorId: cluster.sectorId }, select: { id: true } });
  if (!keywords.length) throw new NotFoundError("Keyword");
  const { count } = await db.keywordCluster.createMany({
    data: keywords.map((k) => ({ keywordId: k.id, clusterId, accountId: ctx.accountId })),
    skipDuplicates: true,
  });
  await recomputeClusterStats(db, [clusterId]);
  return { assigned: count, skipped: ids.length - count };
}
