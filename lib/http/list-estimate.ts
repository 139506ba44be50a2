// The planner's row estimate for a list filtered only by placement and status (EXPLAIN: no rows
// read, about a millisecond), so a big list says "about 200K" rather than counting every row. A
// reviewed place of raw SQL (lib/db/README.md): the statement carries the scoped client's tenant
// filter, so an estimate never reflects another account's rows.
import { tenantOf, type ScopedDb } from "@/lib/db/scoped";
import { tenantSql } from "@/lib/db/tenant-sql";
import { Prisma } from "@/lib/generated/prisma/client";

/** Tables whose lists are estimated, and the enum type of their status column. */
const LISTS = {
  clusters: "ClusterStatus",
  content_ideas: "IdeaStatus",
  tasks: "TaskStatus",
  content: "ContentStatus",
} as const;

export type EstimatedList = keyof typeof LISTS;

export async function estimateListRows(db: ScopedDb, table: EstimatedList, filter: { siteId?: number; sectorId?: number; status?: string[] }): Promise<number> {
  const parts = tenantSql(tenantOf(db), "t");
  if (filter.siteId) parts.push(Prisma.sql`t."siteId" = ${filter.siteId}`);
  if (filter.sectorId) parts.push(Prisma.sql`t."sectorId" = ${filter.sectorId}`);
  if (filter.status?.length) parts.push(Prisma.sql`t.status = ANY(${filter.status}::${Prisma.raw(`"${LISTS[table]}"`)}[])`);
  const [row] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${Prisma.raw(`"${table}"`)} t WHERE ${Prisma.join(parts, " AND ")}`;
  return row["QUERY PLAN"][0].Plan["Plan Rows"];
}
