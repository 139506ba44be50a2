// The keyword list's SQL, for sites with a million keywords: which ids are on a page (offset or
// keyset), and how many rows match (the planner's estimate when large, see lib/http/list-count.ts).
// A reviewed place of raw SQL (lib/db/README.md): every statement is confined by `tenantSql` (the
// same account/site/sector/trash filter the scoped client adds), and the rows themselves are read
// back through the scoped client by id.
//
// ORDER BY clauses match the indexes (siteId, createdAt, id), (siteId, volume NULLS FIRST, id),
// (siteId, difficulty NULLS FIRST, id) and (siteId, keyword, id); substring search uses the pg_trgm GIN index on `normalized`.
import type { ScopedDb } from "@/lib/db/scoped";
import { tenantSql } from "@/lib/db/tenant-sql";
import type { TenantContext } from "@/lib/db/tenant-context";
import { assemblePage, decodeCursor, flip, type Cursor, type CursorKind, type CursorValue, type Direction } from "@/lib/http/keyset";
import { likeContains } from "@/lib/http/list-estimate";
import { Prisma } from "@/lib/generated/prisma/client";
import { normalizeKeyword } from "./keyword-text";
import type { KeywordListQuery } from "./schemas";

export const KEYWORD_ORDERING = ["createdAt", "volume", "difficulty", "keyword"] as const;
type Field = (typeof KEYWORD_ORDERING)[number];

const COLUMN: Record<Field, Prisma.Sql> = {
  createdAt: Prisma.raw(`k."createdAt"`),
  volume: Prisma.raw(`k.volume`),
  difficulty: Prisma.raw(`k.difficulty`),
  keyword: Prisma.raw(`k.keyword`),
};
const NULLABLE = new Set<Field>(["volume", "difficulty"]);

/** The list's filters as SQL over `keywords k` (the same meaning as keywordWhere's Prisma filter). */
export function keywordFilterSql(ctx: TenantContext, query: Omit<KeywordListQuery, "page" | "pageSize" | "ordering">): Prisma.Sql[] {
  const parts = tenantSql(ctx, "k");
  if (query.siteId) parts.push(Prisma.sql`k."siteId" = ${query.siteId}`);
  if (query.sectorId) parts.push(Prisma.sql`k."sectorId" = ${query.sectorId}`);
  if (query.search) parts.push(Prisma.sql`k.normalized LIKE ${likeContains(normalizeKeyword(query.search))}`);
  if (query.status) parts.push(Prisma.sql`k.status = ${query.status}::"KeywordStatus"`);
  if (query.intent) parts.push(Prisma.sql`k.intent = ${query.intent}::"KeywordIntent"`);
  if (query.clusterId === "none") parts.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM keyword_clusters kc WHERE kc."keywordId" = k.id)`);
  else if (query.clusterId) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM keyword_clusters kc WHERE kc."keywordId" = k.id AND kc."clusterId" = ${query.clusterId})`);
  if (query.difficultyMin !== undefined) parts.push(Prisma.sql`k.difficulty >= ${query.difficultyMin}`);
  if (query.difficultyMax !== undefined) parts.push(Prisma.sql`k.difficulty <= ${query.difficultyMax}`);
  if (query.volumeMin !== undefined) parts.push(Prisma.sql`k.volume >= ${query.volumeMin}`);
  if (query.volumeMax !== undefined) parts.push(Prisma.sql`k.volume <= ${query.volumeMax}`);
  return parts;
}

const and = (parts: Prisma.Sql[]) => Prisma.join(parts, " AND ");

/** The planner's row estimate for the filter (EXPLAIN, no rows read): about a millisecond. */
export async function estimateKeywords(db: ScopedDb, filter: Prisma.Sql[]): Promise<number> {
  const [row] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`EXPLAIN (FORMAT JSON) SELECT 1 FROM keywords k WHERE ${and(filter)}`;
  return row["QUERY PLAN"][0].Plan["Plan Rows"];
}

/** Exact COUNT of the filter's rows, reading at most `take`. */
export async function countKeywords(db: ScopedDb, filter: Prisma.Sql[], take: number): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM keywords k WHERE ${and(filter)} LIMIT ${take}) s`;
  return row.n;
}

// ---- keyset paging: cursors and page assembly are lib/http/keyset.ts's; the SQL steps are here.

const KIND: Record<Field, CursorKind> = { createdAt: "date", keyword: "text", volume: "int", difficulty: "int" };

function value(field: Field, v: CursorValue): Prisma.Sql {
  // createdAt is timestamp(3) without time zone holding UTC: compare with the UTC wall time.
  return field === "createdAt" ? Prisma.sql`${String(v).replace(/Z$/, "")}::timestamp(3)` : Prisma.sql`${v}`;
}

/** The conditions that, tried in order, continue after the cursor (nullable sorts cross the NULLs in a second step). */
function keysetSteps(field: Field, direction: Direction, cursor: Cursor | undefined): Prisma.Sql[] {
  if (!cursor) return [Prisma.sql`TRUE`];
  const col = COLUMN[field];
  const op = Prisma.raw(direction === "asc" ? ">" : "<");
  if (cursor.v !== null) {
    const after = Prisma.sql`(${col}, k.id) ${op} (${value(field, cursor.v)}, ${cursor.id})`;
    // NULLs sort last descending: they follow every non-null value.
    return NULLABLE.has(field) && direction === "desc" ? [after, Prisma.sql`${col} IS NULL`] : [after];
  }
  // The cursor is in the NULLs: first the rest of them, then (ascending) every non-null value.
  const inNulls = Prisma.sql`${col} IS NULL AND k.id ${op} ${cursor.id}`;
  return direction === "asc" ? [inNulls, Prisma.sql`${col} IS NOT NULL`] : [inNulls];
}

function orderSql(field: Field, direction: Direction): Prisma.Sql {
  const dir = direction === "asc" ? "ASC" : "DESC";
  const nulls = NULLABLE.has(field) ? (direction === "asc" ? " NULLS FIRST" : " NULLS LAST") : "";
  return Prisma.sql`ORDER BY ${COLUMN[field]} ${Prisma.raw(dir + nulls)}, k.id ${Prisma.raw(dir)}`;
}

/** A keyword of the list, as listKeywords answers it (`v`: the sort value, for the cursor). */
export type KeywordListRow = {
  id: number;
  keyword: string;
  volume: number | null;
  difficulty: number | null;
  intent: string | null;
  cpc: number | null;
  status: string;
  source: string;
  siteId: number;
  sectorId: number;
  clusters: { id: number; name: string }[];
  createdAt: Date;
};
type PageRow = KeywordListRow & { v: Date | string | number | null };

/**
 * One page of keywords in list order, and the cursors either side of it. One statement per step:
 * the page's ids from the index alone (index-only: the site indexes INCLUDE the filter columns),
 * then, for those rows only, the keywords and the clusters each is in. One row more than the page
 * is read to know whether another page follows.
 *
 * A backward cursor reads the rows before it in the opposite order (the same index, scanned the
 * other way: ascending NULLS FIRST reversed is descending NULLS LAST) and turns them round, so
 * "previous" is as cheap as "next" at any depth and never uses OFFSET.
 */
export async function keywordPage(
  db: ScopedDb,
  filter: Prisma.Sql[],
  sort: { field: Field; direction: Direction; ordering: string },
  page: { cursor?: string; offset: number; pageSize: number },
): Promise<{ rows: KeywordListRow[]; nextCursor: string | null; previousCursor: string | null }> {
  const cursor = page.cursor ? decodeCursor(page.cursor, sort.ordering, KIND[sort.field], NULLABLE.has(sort.field)) : undefined;
  const backward = cursor?.d === "b";
  const direction: Direction = backward ? flip(sort.direction) : sort.direction;
  const order = orderSql(sort.field, direction);
  const want = page.pageSize + 1;
  const rows: PageRow[] = [];
  for (const step of keysetSteps(sort.field, direction, cursor)) {
    const offset = cursor ? 0 : page.offset;
    rows.push(
      ...(await db.$queryRaw<PageRow[]>`
        SELECT k.id, k.keyword, k.volume, k.difficulty, k.intent::text AS intent, k.cpc::float8 AS cpc, k.status::text AS status, k.source::text AS source,
               k."siteId", k."sectorId", k."createdAt", p.v,
               COALESCE((SELECT json_agg(json_build_object('id', c.id, 'name', c.name) ORDER BY c.id)
                         FROM keyword_clusters kc JOIN clusters c ON c.id = kc."clusterId" AND c."deletedAt" IS NULL
                         WHERE kc."keywordId" = k.id), '[]'::json) AS clusters
        FROM (SELECT k.id, ${COLUMN[sort.field]} AS v FROM keywords k WHERE ${and([...filter, step])} ${order} LIMIT ${want - rows.length} OFFSET ${offset}) p
        JOIN keywords k ON k.id = p.id
        ${order}`),
    );
    if (rows.length >= want) break;
  }
  // Nothing before a backward cursor (its rows were deleted, or it was at the start): the first page.
  if (backward && rows.length === 0) return keywordPage(db, filter, sort, { offset: 0, pageSize: page.pageSize });
  const { rows: onPage, nextCursor, previousCursor } = assemblePage(rows, { pageSize: page.pageSize, ordering: sort.ordering, cursor, offset: cursor ? 0 : page.offset, valueOf: (row) => row.v });
  return { rows: onPage.map(({ v: _v, ...row }) => row), nextCursor, previousCursor };
}
