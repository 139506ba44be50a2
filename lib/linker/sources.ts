// Articles that may link to a page (retroactive links). A site can hold thousands of articles of
// several KB each; instead of loading every one, the database first keeps only those whose HTML
// contains the literal prefixes of one of the page's phrases (lib/linker incomingPrefilter), plus
// any with accented letters (the prefixes cannot speak for those). Each row's HTML is lowercased
// once (OFFSET 0 keeps the subquery from being inlined, which would lower it per condition).
// Letter entities (&eacute;) need no check here: stored HTML is sanitised, and the sanitiser
// writes only &amp; &lt; &gt; &nbsp; (and &quot; &#10; in attributes).
//
// The prefilter is the one raw query of the linker: it bypasses the scoped client, so it names the
// account and site itself and returns ids only; the rows are then loaded through the scoped client,
// which applies the caller's tenancy again.
import type { ScopedDb } from "@/lib/db/scoped";
import { Prisma, type ContentStatus } from "@/lib/generated/prisma/client";

export type SourceRow = { id: number; title: string; html: string; slug: string; status: ContentStatus; version: number; primaryKeyword: string };

const SOURCE_SELECT = { id: true, title: true, html: true, slug: true, status: true, version: true, primaryKeyword: true } as const;

/** The pure core's NON_ASCII_WORDS letter classes, in PostgreSQL's regex syntax. */
const ACCENTED = "[\u00c0-\u024f\u0370-\u1fff\u3040-\uffff]";

export async function loadIncomingSources(
  db: Pick<ScopedDb, "content" | "$queryRaw">,
  place: { accountId: number; siteId: number; targetId: number; statuses: ContentStatus[] },
  groups: string[][] | null,
): Promise<SourceRow[]> {
  if (groups && groups.length === 0) return [];
  const where = { siteId: place.siteId, id: { not: place.targetId }, status: { in: place.statuses } };
  if (!groups) return db.content.findMany({ where, select: SOURCE_SELECT, orderBy: { id: "asc" } });
  const mentions = groups.map((prefixes) => Prisma.sql`(${Prisma.join(prefixes.map((p) => Prisma.sql`strpos(l, ${p}) > 0`), " AND ")})`);
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT id FROM (
      SELECT id, lower(html) AS l FROM content
      WHERE "accountId" = ${place.accountId} AND "siteId" = ${place.siteId} AND id <> ${place.targetId} AND status::text = ANY(${place.statuses}) AND "deletedAt" IS NULL
      OFFSET 0
    ) c
    WHERE ${Prisma.join(mentions, " OR ")} OR (octet_length(l) <> length(l) AND l ~ ${ACCENTED})`;
  if (!rows.length) return [];
  return db.content.findMany({ where: { ...where, id: { in: rows.map((r) => r.id) } }, select: SOURCE_SELECT, orderBy: { id: "asc" } });
}
