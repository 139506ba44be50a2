// Clusters: list with counts and volume, create, rename, merge, move keywords, delete (to the
// trash; keywords and ideas stay, unassigned, until it is restored).
import { pageList, type CursorKind, type KeysetCursors } from "@/lib/http/keyset";
import { EXACT_COUNT_LIMIT, type ListCount } from "@/lib/http/list-count";
import { estimateListRows } from "@/lib/http/list-estimate";
import type { AppContext } from "@/lib/auth/service";
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import { assertWithinLimit } from "@/lib/plans/limits";
import { assertActiveSector } from "@/lib/sites/placement";
import { trashClusters } from "@/lib/trash/service";
import { recomputeClusterStats } from "./cluster-stats";
import { CHECK_CONFIDENCE_BELOW } from "./clustering/types";
import type { ClusterListQuery, CreateClusterInput, UpdateClusterInput } from "./schemas";

const CLUSTER_ORDERING = ["name", "volume", "keywordsCount", "confidence", "createdAt"] as const;
const CURSOR_KIND: Record<(typeof CLUSTER_ORDERING)[number], CursorKind> = { name: "text", volume: "int", keywordsCount: "int", confidence: "float", createdAt: "date" };

const clusterSelect = {
  id: true,
  name: true,
  description: true,
  status: true,
  source: true,
  confidence: true,
  checkedAt: true,
  keywordsCount: true,
  volume: true,
  siteId: true,
  sectorId: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ClusterSelect;

export type ClusterRow = Prisma.ClusterGetPayload<{ select: typeof clusterSelect }> & { ideasCount: number };

/** `needsCheck` (clustering/types.ts) as a filter. */
const NEEDS_CHECK = { status: "active", source: "local", confidence: { lt: CHECK_CONFIDENCE_BELOW }, checkedAt: null } satisfies Prisma.ClusterWhereInput;
const REVIEW_FILTER = { needs_check: NEEDS_CHECK, checked: { checkedAt: { not: null } } } satisfies Record<NonNullable<ClusterListQuery["review"]>, Prisma.ClusterWhereInput>;

/** The clusters with their live ideas counted for just these ids (a relation `_count` aggregated every idea of the account). */
async function withIdeaCounts(db: ScopedDb, clusters: Prisma.ClusterGetPayload<{ select: typeof clusterSelect }>[]): Promise<ClusterRow[]> {
  const counts = clusters.length ? await db.contentIdea.groupBy({ by: ["clusterId"], where: { clusterId: { in: clusters.map((c) => c.id) } }, _count: { _all: true } }) : [];
  const byCluster = new Map(counts.map((c) => [c.clusterId, c._count._all]));
  return clusters.map((c) => ({ ...c, ideasCount: byCluster.get(c.id) ?? 0 }));
}

/** One page of clusters: by `cursor` (keyset, either way, any depth) or by `page`. */
export async function listClusters(db: ScopedDb, query: ClusterListQuery): Promise<Paginated<ClusterRow> & ListCount & Partial<KeysetCursors>> {
  const where: Prisma.ClusterWhereInput = {
    ...(query.siteId ? { siteId: query.siteId } : {}),
    ...(query.sectorId ? { sectorId: query.sectorId } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.search ? { name: { contains: query.search, mode: "insensitive" } } : {}),
    ...(query.review ? { AND: [REVIEW_FILTER[query.review]] } : {}),
  };
  const { field, direction } = parseOrdering<(typeof CLUSTER_ORDERING)[number]>(query.ordering, CLUSTER_ORDERING, "-volume");
  // By confidence, the loosest clusters first: the ones to check. Clusters without one (made by hand) come last either way.
  const { rows, ...page } = await pageList({ field, direction, tie: "asc", kind: CURSOR_KIND[field], nullsLast: field === "confidence" }, query, {
    find: (args) => db.cluster.findMany({ ...args, where: { AND: [where, args.where] }, select: clusterSelect }),
    count: (take) => db.cluster.count({ where, take }),
    estimate: query.review ? undefined : () => estimateListRows(db, "clusters", { siteId: query.siteId, sectorId: query.sectorId, status: query.status && [query.status], search: query.search }),
  });
  return { ...page, results: await withIdeaCounts(db, rows) };
}

/** How many clusters of the site (sector) still need a person's check: exact up to EXACT_COUNT_LIMIT, then that limit + 1 ("2,000+"). */
export async function countClustersToCheck(db: ScopedDb, filter: { siteId?: number; sectorId?: number }): Promise<number> {
  const where = { ...(filter.siteId ? { siteId: filter.siteId } : {}), ...(filter.sectorId ? { sectorId: filter.sectorId } : {}), ...NEEDS_CHECK };
  return db.cluster.count({ where, take: EXACT_COUNT_LIMIT + 1 });
}

export async function getCluster(db: ScopedDb, id: number): Promise<ClusterRow> {
  const cluster = await db.cluster.findFirst({ where: { id }, select: clusterSelect });
  if (!cluster) throw new NotFoundError("Cluster");
  return (await withIdeaCounts(db, [cluster]))[0];
}

/** All clusters of a site/sector, for pickers (assign, move, idea forms). */
export async function clusterOptions(db: ScopedDb, filter: { siteId?: number; sectorId?: number }) {
  return db.cluster.findMany({
    where: { ...(filter.siteId ? { siteId: filter.siteId } : {}), ...(filter.sectorId ? { sectorId: filter.sectorId } : {}), status: "active" },
    select: { id: true, name: true, sectorId: true, keywordsCount: true },
    orderBy: { name: "asc" },
    take: 2000,
  });
}

export async function createCluster(db: ScopedDb, ctx: AppContext, input: CreateClusterInput): Promise<ClusterRow> {
  assertCan(ctx.role, "write");
  await assertActiveSector(db, input.siteId, input.sectorId);
  await assertWithinLimit(ctx.accountId, "clusters", 1);
  const { keywordIds, ...fields } = input;
  const cluster = await db.cluster.create({ data: { ...fields, accountId: ctx.accountId, source: "manual" }, select: { id: true } });
  if (keywordIds?.length) await linkKeywords(db, ctx, cluster.id, input.siteId, input.sectorId, keywordIds);
  return getCluster(db, cluster.id);
}

export async function updateCluster(db: ScopedDb, ctx: AppContext, id: number, input: UpdateClusterInput): Promise<ClusterRow> {
  assertCan(ctx.role, "write");
  const { checked, ...fields } = input;
  await getCluster(db, id);
  await db.cluster.update({ where: { id }, data: fields });
  if (checked !== undefined) await checkClusters(db, ctx, [id], checked);
  return getCluster(db, id);
}

/** Marks clusters checked (a person read them and keeps them) or not: how many changed. Checking again keeps the first check's time; ids of other accounts change nothing. */
export async function checkClusters(db: ScopedDb, ctx: AppContext, ids: number[], checked: boolean): Promise<number> {
  assertCan(ctx.role, "write");
  const { count } = await db.cluster.updateMany({ where: { id: { in: ids }, checkedAt: checked ? null : { not: null } }, data: { checkedAt: checked ? new Date() : null } });
  return count;
}

export async function deleteClusters(db: ScopedDb, ctx: AppContext, ids: number[]): Promise<number> {
  return trashClusters(db, ctx, ids);
}

async function linkKeywords(db: ScopedDb, ctx: AppContext, clusterId: number, siteId: number, sectorId: number, keywordIds: number[]) {
  const keywords = await db.keyword.findMany({ where: { id: { in: keywordIds }, siteId, sectorId }, select: { id: true } });
  await db.keywordCluster.createMany({ data: keywords.map((k) => ({ keywordId: k.id, clusterId, accountId: ctx.accountId })), skipDuplicates: true });
  await recomputeClusterStats(db, [clusterId]);
  return keywords.length;
}

/** Moves the source's keywords (and ideas) into the target, then deletes the source. */
export async function mergeClusters(db: ScopedDb, ctx: AppContext, sourceId: number, targetId: number): Promise<ClusterRow> {
  assertCan(ctx.role, "write");
  const [source, target] = await Promise.all([getCluster(db, sourceId), getCluster(db, targetId)]);
  if (source.siteId !== target.siteId || source.sectorId !== target.sectorId) {
    throw new ValidationError("Only clusters of the same site and sector can be merged.", { targetId: ["Choose a cluster in the same sector."] });
  }
  const links = await db.keywordCluster.findMany({ where: { clusterId: sourceId }, select: { keywordId: true } });
  await db.$transaction(async (tx) => {
    await tx.keywordCluster.createMany({ data: links.map((l) => ({ keywordId: l.keywordId, clusterId: targetId, accountId: ctx.accountId })), skipDuplicates: true });
    await tx.contentIdea.updateMany({ where: { clusterId: sourceId }, data: { clusterId: targetId } });
    await tx.cluster.delete({ where: { id: sourceId } });
  });
  await recomputeClusterStats(db, [targetId]);
  return getCluster(db, targetId);
}

/** Moves keywords out of one cluster (or out of all of them) into another. */
export async function moveKeywords(db: ScopedDb, ctx: AppContext, input: { keywordIds: number[]; fromClusterId?: number | null; toClusterId: number }) {
  assertCan(ctx.role, "write");
  const target = await getCluster(db, input.toClusterId);
  const from = input.fromClusterId ? await getCluster(db, input.fromClusterId) : null;
  const keywords = await db.keyword.findMany({ where: { id: { in: input.keywordIds }, siteId: target.siteId, sectorId: target.sectorId }, select: { id: true } });
  if (!keywords.length) throw new NotFoundError("Keyword");
  const ids = keywords.map((k) => k.id);
  const touched = from ? [from.id] : (await db.keywordCluster.findMany({ where: { keywordId: { in: ids } }, select: { clusterId: true }, distinct: ["clusterId"] })).map((l) => l.clusterId);
  await db.$transaction(async (tx) => {
    await tx.keywordCluster.deleteMany({ where: { keywordId: { in: ids }, ...(from ? { clusterId: from.id } : { NOT: { clusterId: target.id } }) } });
    await tx.keywordCluster.createMany({ data: ids.map((keywordId) => ({ keywordId, clusterId: target.id, accountId: ctx.accountId })), skipDuplicates: true });
  });
  await recomputeClusterStats(db, [...touched, target.id]);
  return { moved: ids.length };
}

export async function removeKeywordsFromCluster(db: ScopedDb, ctx: AppContext, clusterId: number, keywordIds: number[]) {
  assertCan(ctx.role, "write");
  await getCluster(db, clusterId);
  const { count } = await db.keywordCluster.deleteMany({ where: { clusterId, keywordId: { in: keywordIds } } });
  await recomputeClusterStats(db, [clusterId]);
  return { removed: count };
}
