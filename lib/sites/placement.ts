import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError } from "@/lib/errors";

/** The sector must be active and belong to the given site, and the site must be visible to the caller. */
export async function assertActiveSector(db: ScopedDb, siteId: number, sectorId: number) {
  const sector = await db.sector.findFirst({ where: { id: sectorId, siteId, isActive: true }, select: { id: true, siteId: true, accountId: true, industrySectorId: true } });
  if (!sector) throw new NotFoundError("Sector");
  return sector;
}
