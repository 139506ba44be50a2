// auto_cluster: one batch of keywords (one site sector) → clusters. Clusters whose name already
// exists in the sector are reused, so batches and re-runs add to them instead of duplicating.
import { z } from "zod";
import { normalizeKeyword } from "@/lib/planner/clustering";
import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { idSchema } from "@/lib/http/validation";
import { assertWithinLimit } from "@/lib/plans/limits";
import type { AIFunction, ScopedTx } from "@/lib/ai/types";
import { textCall } from "@/lib/ai/text-call";

export const AUTO_CLUSTER_BATCH_SIZE = 50;

const input = z.object({ keywordIds: z.array(idSchema).min(1).max(AUTO_CLUSTER_BATCH_SIZE) });
export const clusterOutputSchema = z.object({
  clusters: z.array(z.object({ name: z.string(), description: z.string(), keywords: z.array(z.string()) })),
});
type Output = z.infer<typeof clusterOutputSchema>;

type Prepared = {
  accountId: number;
  siteId: number;
  sectorId: number;
  sectorName: string;
  keywords: { id: number; keyword: string; normalized: string; volume: number | null }[];
  existing: { id: number; name: string }[];
};
export type AutoClusterResult = { clusterIds: number[]; createdClusters: number; linkedKeywords: number; unassigned: number };

export const autoCluster: AIFunction<z.infer<typeof input>, Prepared, Output, AutoClusterResult> = {
  name: "auto_cluster",
  operation: "auto_cluster",
  input,
  promptType: "clustering",
  async prepare(db: ScopedDb, { keywordIds }) {
    const keywords = await db.keyword.findMany({ where: { id: { in: keywordIds } }, orderBy: [{ volume: "desc" }, { id: "asc" }] });
    if (keywords.length !== new Set(keywordIds).size) throw new NotFoundError("Keyword");
    const { siteId, sectorId } = keywords[0];
    if (keywords.some((k) => k.siteId !== siteId || k.sectorId !== sectorId)) throw new ValidationError("A clustering batch must hold keywords of one sector.");
    const [sector, existing] = await Promise.all([
      db.sector.findFirst({ where: { id: sectorId }, select: { name: true } }),
      db.cluster.findMany({ where: { siteId, sectorId, status: "active" }, select: { id: true, name: true }, orderBy: { volume: "desc" }, take: 200 }),
    ]);
    return { accountId: keywords[0].accountId, siteId, sectorId, sectorName: sector?.name ?? "", keywords: keywords.map((k) => ({ id: k.id, keyword: k.keyword, normalized: k.normalized, volume: k.volume })), existing };
  },
  units: (p) => p.keywords.length,
  variables: (p) => ({
    sector: p.sectorName,
    keywords: p.keywords.map((k) => `${k.keyword} | ${k.volume ?? 0}`).join("\n"),
    existing_clusters: p.existing.length ? p.existing.map((c) => `- ${c.name}`).join("\n") : "(none)",
  }),
  call: textCall(clusterOutputSchema, "keyword_clusters"),
  siteId: (p) => p.siteId,
  // New clusters must fit the plan; a refusal fails the item before anything is saved or charged.
  async check(p, output) {
    const existing = new Set(p.existing.map((c) => c.name.trim().toLowerCase()));
    const newNames = new Set(output.clusters.map((c) => c.name.trim().slice(0, 120).toLowerCase()).filter((name) => name && !existing.has(name)));
    if (newNames.size) await assertWithinLimit(p.accountId, "clusters", newNames.size);
  },
  async save(tx: ScopedTx, p, output) {
    const byText = new Map(p.keywords.map((k) => [k.normalized, k.id]));
    const existingByName = new Map(p.existing.map((c) => [c.name.trim().toLowerCase(), c.id]));
    const assigned = new Set<number>();
    const clusterIds: number[] = [];
    let created = 0;
    let linked = 0;
    for (const cluster of output.clusters) {
      const ids = [...new Set(cluster.keywords.map((k) => byText.get(normalizeKeyword(k))).filter((id): id is number => id !== undefined && !assigned.has(id)))];
      if (!ids.length) continue;
      const name = cluster.name.trim().slice(0, 120);
      let clusterId = existingByName.get(name.toLowerCase());
      if (!clusterId) {
        const row = await tx.cluster.create({ data: { accountId: 0, siteId: p.siteId, sectorId: p.sectorId, name, description: cluster.description.trim(), source: "ai" } });
        clusterId = row.id;
        existingByName.set(name.toLowerCase(), clusterId);
        created++;
      }
      const result = await tx.keywordCluster.createMany({ data: ids.map((keywordId) => ({ keywordId, clusterId: clusterId!, accountId: 0 })), skipDuplicates: true });
      linked += result.count;
      ids.forEach((id) => assigned.add(id));
      if (!clusterIds.includes(clusterId)) clusterIds.push(clusterId);
    }
    await recomputeClusterStats(tx, clusterIds);
    return { clusterIds, createdClusters: created, linkedKeywords: linked, unassigned: p.keywords.length - assigned.size };
  },
};

/** keywordsCount and volume are derived from the links; recompute them for the touched clusters. */
export async function recomputeClusterStats(tx: ScopedTx, clusterIds: number[]) {
  for (const id of clusterIds) {
    const links = await tx.keywordCluster.findMany({ where: { clusterId: id }, select: { keyword: { select: { volume: true } } } });
    await tx.cluster.update({ where: { id }, data: { keywordsCount: links.length, volume: links.reduce((sum, l) => sum + (l.keyword.volume ?? 0), 0) } });
  }
}
