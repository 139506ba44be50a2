// Streamed CSV export of the keywords matching the current filters (keyset pages of 5,000).
import type { ScopedDb } from "@/lib/db/scoped";
import type { Prisma } from "@/lib/generated/prisma/client";
import { keywordsToCsv, type ExportKeywordRow } from "./csv";
import { keywordWhere } from "./keywords";
import type { KeywordListQuery } from "./schemas";

const PAGE = 5_000;

async function* exportRows(db: ScopedDb, where: Prisma.KeywordWhereInput): AsyncGenerator<ExportKeywordRow> {
  let cursor = 0;
  for (;;) {
    const page = await db.keyword.findMany({
      where: { AND: [where, { id: { gt: cursor } }] },
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true, keyword: true, volume: true, difficulty: true, cpc: true, intent: true, status: true, createdAt: true, clusters: { select: { cluster: { select: { name: true } } } } },
    });
    for (const k of page) {
      yield { ...k, cpc: k.cpc === null ? null : Number(k.cpc), clusterNames: k.clusters.map((c) => c.cluster.name) };
    }
    if (page.length < PAGE) return;
    cursor = page[page.length - 1].id;
  }
}

export function exportKeywordsCsv(db: ScopedDb, query: Omit<KeywordListQuery, "page" | "pageSize">): ReadableStream<Uint8Array> {
  return keywordsToCsv(exportRows(db, keywordWhere(query)));
}
