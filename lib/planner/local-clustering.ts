// "Cluster locally": deterministic clustering (lib/planner/clustering) of a sector's keywords,
// saved as clusters with source "local". No AI, no network.
import type { TenantContext } from "@/lib/db/tenant-context";
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import { ValidationError } from "@/lib/errors";
import { assertWithinLimit } from "@/lib/plans/limits";
import { jobs, startRun } from "@/lib/jobs/service";
import { assertActiveSector } from "@/lib/sites/placement";
import { recomputeClusterStats } from "./cluster-stats";
import { clusterKeywords } from "./clustering";
import type { LocalClusteringInput } from "./schemas";

export type LocalClusteringProgress = { phase: "loading" | "clustering" | "saving"; done: number; total: number };
/** `totalMs`: loading, clustering and saving; `clusteringMs`: the algorithm alone (both wall clock). */
export type LocalClusteringResult = { keywords: number; clusters: number; clustered: number; unclustered: number; clusteringMs: number; totalMs: number };

/** "under 1 ms", "12 ms", "1.4 s". */
export function formatDuration(ms: number): string {
  if (ms < 1) return "under 1 ms";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The run's closing message: what was made, and honestly how long it took. */
export function localClusteringMessage(r: LocalClusteringResult): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return `${n(r.clusters)} clusters from ${n(r.keywords)} keywords (${n(r.clustered)} clustered, ${n(r.unclustered)} left unclustered) in ${formatDuration(r.totalMs)} (clustering itself: ${formatDuration(r.clusteringMs)}).`;
}

const LOAD_PAGE = 20_000;
const SAVE_CHUNK = 5_000;

export async function clusterSectorLocally(
  db: ScopedDb,
  ctx: TenantContext,
  input: LocalClusteringInput,
  onProgress: (p: LocalClusteringProgress) => void | Promise<void> = () => undefined,
): Promise<LocalClusteringResult> {
  const runStarted = performance.now();
  assertCan(ctx.role, "write");
  const { siteId, sectorId } = input;
  const sector = await assertActiveSector(db, siteId, sectorId);
  // "rebuild" replaces earlier local clusters nobody has checked, but only once the new ones are known to fit the plan.
  const rebuild = input.mode === "rebuild";
  const replaceable = { siteId, sectorId, source: "local" as const, checkedAt: null };
  const replaced = rebuild ? await db.cluster.count({ where: replaceable }) : 0;
  const inScope = rebuild ? { clusters: { every: { cluster: replaceable } } } : { clusters: { none: {} } };

  const keywords: { id: number; keyword: string; volume: number; intent: "informational" | "navigational" | "commercial" | "transactional" | null }[] = [];
  for (let cursor = 0; ; ) {
    const page = await db.keyword.findMany({
      where: { siteId, sectorId, status: { not: "archived" }, ...inScope, id: { gt: cursor } },
      select: { id: true, keyword: true, volume: true, intent: true },
      orderBy: { id: "asc" },
      take: LOAD_PAGE,
    });
    keywords.push(...page.map((k) => ({ ...k, volume: k.volume ?? 0 })));
    await onProgress({ phase: "loading", done: keywords.length, total: keywords.length });
    if (page.length < LOAD_PAGE) break;
    cursor = page[page.length - 1].id;
  }

  const started = performance.now();
  let lastReported = -1;
  // Reports are chained and awaited: a report still in flight must not land after the later ones.
  let reporting: Promise<void> = Promise.resolve();
  const { clusters, unclusteredIds } = clusterKeywords(keywords, {
    threshold: input.threshold,
    minClusterSize: input.minClusterSize,
    onProgress: (done, total) => {
      const pct = Math.floor((done / Math.max(total, 1)) * 20);
      if (pct !== lastReported) {
        lastReported = pct;
        reporting = reporting.then(() => onProgress({ phase: "clustering", done, total }));
      }
    },
  });
  await reporting;
  const clusteringMs = Math.round((performance.now() - started) * 10) / 10;
  if (clusters.length > replaced) await assertWithinLimit(ctx.accountId, "clusters", clusters.length - replaced);
  if (rebuild) await db.cluster.deleteMany({ where: replaceable });

  const createdIds: number[] = [];
  for (let i = 0; i < clusters.length; i += SAVE_CHUNK) {
    const chunk = clusters.slice(i, i + SAVE_CHUNK);
    const created = await db.cluster.createManyAndReturn({
      data: chunk.map((c) => ({
        accountId: sector.accountId,
        siteId,
        sectorId,
        name: c.name,
        description: c.intent ? `Mostly ${c.intent} searches around “${c.name}”.` : "",
        source: "local" as const,
        confidence: Math.round(c.confidence * 1000) / 1000,
      })),
      select: { id: true },
    });
    // Serial ids follow the VALUES order, so sorted ids line up with `chunk`.
    created.sort((a, b) => a.id - b.id);
    const links = chunk.flatMap((c, index) => c.keywordIds.map((keywordId) => ({ keywordId, clusterId: created[index].id, accountId: sector.accountId })));
    for (let j = 0; j < links.length; j += SAVE_CHUNK * 4) await db.keywordCluster.createMany({ data: links.slice(j, j + SAVE_CHUNK * 4), skipDuplicates: true });
    createdIds.push(...created.map((c) => c.id));
    await onProgress({ phase: "saving", done: Math.min(i + SAVE_CHUNK, clusters.length), total: clusters.length });
  }
  await recomputeClusterStats(db, createdIds);
  return {
    keywords: keywords.length,
    clusters: clusters.length,
    clustered: keywords.length - unclusteredIds.length,
    unclustered: unclusteredIds.length,
    clusteringMs,
    totalMs: Math.round(performance.now() - runStarted),
  };
}

/** Starts "Cluster locally" as a background run with progress. */
export async function startLocalClustering(ctx: TenantContext, db: ScopedDb, input: LocalClusteringInput) {
  assertCan(ctx.role, "write");
  await assertActiveSector(db, input.siteId, input.sectorId);
  const keywords = await db.keyword.count({ where: { siteId: input.siteId, sectorId: input.sectorId, status: { not: "archived" }, ...(input.mode === "unclustered" ? { clusters: { none: {} } } : {}) } });
  if (!keywords) throw new ValidationError(input.mode === "unclustered" ? "Every keyword of this sector is already in a cluster. Choose “Rebuild” to recluster them." : "This sector has no keywords to cluster.");
  return startRun(ctx, jobs.clusterKeywordsLocally, { ...input }, {
    total: 100,
    message: `Clustering ${keywords.toLocaleString("en-US")} keywords locally…`,
    siteId: input.siteId,
    sectorId: input.sectorId,
  });
}
