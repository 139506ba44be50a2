// The site and sector the user works on (header switcher). Stored in cookies by the UI; here it
// is validated against what the user may see, falling back to the first accessible site.
import type { AppContext } from "@/lib/auth/service";
import type { ScopedDb } from "@/lib/db/scoped";
import { withSelection } from "@/lib/db/tenant-context";

export type Selection = {
  sites: { id: number; name: string; slug: string; isActive: boolean }[];
  site: { id: number; name: string; slug: string } | null;
  sectors: { id: number; name: string; slug: string }[];
  sector: { id: number; name: string; slug: string } | null;
};

export async function resolveSelection(db: ScopedDb, ctx: AppContext): Promise<Selection> {
  const sites = await db.site.findMany({
    select: { id: true, name: true, slug: true, isActive: true },
    orderBy: [{ isActive: "desc" }, { name: "asc" }, { id: "asc" }],
    take: 500,
  });
  const site = sites.find((s) => s.id === ctx.siteId) ?? sites.find((s) => s.isActive) ?? sites[0] ?? null;
  const sectors = site
    ? await db.sector.findMany({ where: { siteId: site.id, isActive: true }, select: { id: true, name: true, slug: true }, orderBy: { name: "asc" } })
    : [];
  const sector = sectors.find((s) => s.id === ctx.sectorId) ?? null;
  return { sites, site, sectors, sector };
}

/** The context narrowed to the validated selection, for pages that list site-sector data. */
export function selectedContext(ctx: AppContext, selection: Selection): AppContext {
  return withSelection(ctx, selection.site?.id ?? -1, selection.sector?.id) as AppContext;
}
