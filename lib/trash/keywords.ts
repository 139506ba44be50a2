// A keyword's text is unique per sector, and a trashed keyword keeps its row (and so its place).
// Adding the same text again (typed, pasted, seeded, imported or renamed to) therefore deletes the
// trashed copy for good first: the keyword is back, as a new row. The CSV import does the same in
// SQL (lib/planner/import.ts, RELEASE_TRASHED_KEYWORDS_SQL).
import type { ScopedDb } from "@/lib/db/scoped";
import { onlyTrashed } from "./entries";
import { purgeEntries } from "./purge";

const CHUNK = 5000;

/** Deletes the trashed keywords of the sector with these normalised texts. Returns how many went. */
export async function releaseTrashedKeywords(db: ScopedDb, siteId: number, sectorId: number, normalized: string[]): Promise<number> {
  let released = 0;
  for (let i = 0; i < normalized.length; i += CHUNK) {
    const trashed = await db.keyword.findMany({ where: { siteId, sectorId, normalized: { in: normalized.slice(i, i + CHUNK) }, ...onlyTrashed }, select: { id: true } });
    if (!trashed.length) continue;
    const ids = trashed.map((k) => k.id);
    const entries = await db.trashEntry.findMany({ where: { itemType: "keyword", itemId: { in: ids } }, select: { id: true, itemType: true, itemId: true } });
    await purgeEntries(db, entries);
    // A trashed row without an entry (should not exist) would still block the text.
    await db.keyword.deleteMany({ where: { id: { in: ids }, ...onlyTrashed } });
    released += ids.length;
  }
  return released;
}

/**
 * The same for the CSV import's temporary table `kw_import` ($1 site, $2 sector, $3 account). Driven
 * from the sector's trash entries, so an import into a sector without trashed keywords costs nothing.
 */
export const RELEASE_TRASHED_KEYWORDS_SQL = `
  WITH gone AS (
    DELETE FROM keywords k USING trash_entries t, kw_import s
    WHERE t."accountId" = $3 AND t."siteId" = $1 AND t."sectorId" = $2 AND t."itemType" = 'keyword'
      AND k.id = t."itemId" AND k."deletedAt" IS NOT NULL AND k.normalized = s.normalized
    RETURNING k.id
  )
  DELETE FROM trash_entries t USING gone WHERE t."itemType" = 'keyword' AND t."itemId" = gone.id`;
