// AI clustering: keywords in batches (one site sector each), in order, so later batches see (and
// reuse) the clusters earlier ones created.
import { emitForRows } from "@/lib/automation/events";
import { aiItemWork } from "@/lib/ai/engine";
import { ValidationError } from "@/lib/errors";
import { defineHandler } from "@/lib/jobs/define";
import type { AutoClusterKeywordsPayload } from "@/lib/jobs/table";
import { AUTO_CLUSTER_BATCH_SIZE, type AutoClusterResult } from "@/lib/planner/ai/auto-cluster";

export default defineHandler<AutoClusterKeywordsPayload>(async ({ ctx, db, payload, run, io }) => {
  const batches = await io.step("plan-batches", async () => {
    const keywords = await db.keyword.findMany({ where: { id: { in: payload.keywordIds } }, select: { id: true, siteId: true, sectorId: true }, orderBy: { id: "asc" } });
    const bySector = new Map<string, number[]>();
    for (const k of keywords) bySector.set(`${k.siteId}:${k.sectorId}`, [...(bySector.get(`${k.siteId}:${k.sectorId}`) ?? []), k.id]);
    return [...bySector.values()].flatMap((ids) => Array.from({ length: Math.ceil(ids.length / AUTO_CLUSTER_BATCH_SIZE) }, (_, i) => ids.slice(i * AUTO_CLUSTER_BATCH_SIZE, (i + 1) * AUTO_CLUSTER_BATCH_SIZE)));
  });
  if (!batches.length) throw new ValidationError("None of the selected keywords exist any more.");
  await io.start(batches.length, `Clustering ${payload.keywordIds.length} keywords in ${batches.length} batch${batches.length === 1 ? "" : "es"}…`);
  const outcomes = await io.items<{ keywordIds: number[] }, AutoClusterResult>(
    batches.map((keywordIds, i) => ({ key: `cluster-batch-${i}`, input: { keywordIds } })),
    aiItemWork<AutoClusterResult>(ctx, run.id, "auto_cluster"),
    { sequential: true, message: "Clustered a batch of keywords." },
  );
  const ok = outcomes.flatMap((o) => (o.ok ? [o.result] : []));
  const clusterIds = [...new Set(ok.flatMap((r) => r.clusterIds))];
  const created = ok.reduce((n, r) => n + r.createdClusters, 0);
  const linked = ok.reduce((n, r) => n + r.linkedKeywords, 0);
  if (created) await io.step("automation-events", async () => emitForRows(db, ctx, "clusters.created", await db.cluster.findMany({ where: { id: { in: clusterIds } }, select: { siteId: true, sectorId: true } }), run.id));
  return { message: `${linked} keywords grouped into ${clusterIds.length} cluster${clusterIds.length === 1 ? "" : "s"} (${created} new).`, result: { clusterIds, createdClusters: created, linkedKeywords: linked } };
});
