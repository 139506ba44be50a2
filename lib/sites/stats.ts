import type { ScopedDb } from "@/lib/db/scoped";

export type SiteStat = { label: string; value: number; hint: string };

/** Headline numbers for a site's dashboard. Modules add their counts as they land. */
export async function getSiteStats(db: ScopedDb, siteId: number): Promise<SiteStat[]> {
  const [sectors, members] = await Promise.all([
    db.sector.count({ where: { siteId, isActive: true } }),
    db.siteUserAccess.count({ where: { siteId } }),
  ]);
  return [
    { label: "Active sectors", value: sectors, hint: "of 5 at most" },
    { label: "Team members with access", value: members, hint: "editors and viewers granted this site" },
  ];
}
