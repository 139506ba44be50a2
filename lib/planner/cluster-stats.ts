import type { ScopedDb } from "@/lib/db/scoped";

/**
 * Keeps Cluster.keywordsCount and Cluster.volume equal to what their keywords say. Raw SQL (one
 * statement per account for any number of clusters), so the tenant filter is repeated by hand:
 * only clusters visible through the scoped client are touched.
 */
export async function recomputeClusterStats(db: ScopedDb, clusterIds: number[]): Promise<void> {
  const ids = [...new Set(clusterIds)];
  if (!ids.length) return;
  const visible = await db.cluster.findMany({ where: { id: { in: ids } }, select: { id: true, accountId: true } });
  const byAccount = new Map<number, number[]>();
  for (const c of visible) byAccount.set(c.accountId, [...(byAccount.get(c.accountId) ?? []), c.id]);
  for (const [accountId, clusterIdList] of byAccount) {
    await db.$executeRaw`
      UPDATE clusters c SET
        "keywordsCount" = coalesce(s.n, 0),
        volume = least(coalesce(s.v, 0), 2147483647)::int,
        "updatedAt" = now()
      FROM (SELECT unnest(${clusterIdList}::int[]) AS id) ids
      LEFT JOIN (
        SELECT kc."clusterId" AS id, count(*)::int AS n, sum(coalesce(k.volume, 0))::bigint AS v
        FROM keyword_clusters kc JOIN keywords k ON k.id = kc."keywordId"
        WHERE kc."clusterId" = ANY(${clusterIdList}::int[]) AND kc."accountId" = ${accountId} AND k."deletedAt" IS NULL
        GROUP BY kc."clusterId"
      ) s ON s.id = ids.id
      WHERE c.id = ids.id AND c."accountId" = ${accountId}`;
  }
}
