// The planner's row estimate for a list filtered by placement, status and a substring search
// (EXPLAIN: no rows read, about a millisecond), so a big list says "about 200K" rather than counting
// every row. A reviewed place of raw SQL (lib/db/README.md): the statement carries the scoped
// client's tenant filter, so an estimate never reflects another account's rows.
import { tenantOf, type ScopedDb } from "@/lib/db/scoped";
import { tenantSql } from "@/lib/db/tenant-sql";
import { Prisma } from "@/lib/generated/prisma/client";

/** Tables whose lists are estimated: the enum type of their status column, and the columns their search matches (as the list's `contains` filter does). */
const LISTS = {
  clusters: { statusType: "ClusterStatus", searched: ["name"] },
  content_ideas: { statusType: "IdeaStatus", searched: ["title", "targetKeywords"] },
  tasks: { statusType: "TaskStatus", searched: ["title", "keywords"] },
  content: { statusType: "ContentStatus", searched: ["title", "primaryKeyword"] },
} as const;

export type EstimatedList = keyof typeof LISTS;

/** `%text%` for LIKE/ILIKE, the text's own `%`, `_` and `\` matching themselves (as Prisma's `contains` does). */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** `search`: a substring of any of the list's searched columns, case-insensitively. */
export type EstimateFilter = { siteId?: number; sectorId?: number; status?: string[]; search?: string };

export async function estimateListRows(db: ScopedDb, table: EstimatedList, filter: EstimateFilter): Promise<number> {
  const parts = tenantSql(tenantOf(db), "t");
  if (filter.siteId) parts.push(Prisma.sql`t."siteId" = ${filter.siteId}`);
  if (filter.sectorId) parts.push(Prisma.sql`t."sectorId" = ${filter.sectorId}`);
  if (filter.status?.length) parts.push(Prisma.sql`t.status = ANY(${filter.status}::${Prisma.raw(`"${LISTS[table].statusType}"`)}[])`);
  if (filter.search) {
    const pattern = likeContains(filter.search);
    parts.push(Prisma.sql`(${Prisma.join(LISTS[table].searched.map((c) => Prisma.sql`t.${Prisma.raw(`"${c}"`)} ILIKE ${pattern}`), " OR ")})`);
  }
  const [row] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${Prisma.raw(`"${table}"`)} t WHERE ${Prisma.join(parts, " AND ")}`;
  return row["QUERY PLAN"][0].Plan["Plan Rows"];
}
