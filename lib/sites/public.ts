// Public reads for hosted sites: no session, no tenant. A named place of the unscoped client,
// limited to active sites and to fields a visitor may see.
import { rootDb } from "@/lib/db/client";
import { toSiteDto, type SiteDto } from "./service";

/** Only what a public visitor of the hosted site may see. */
export function toPublicSiteDto(site: SiteDto) {
  const { id, name, slug, domain, description, siteType, hostingType, seoMetadata, language, industryId } = site;
  return { id, name, slug, domain, description, siteType, hostingType, seoMetadata, language, industryId };
}

/** The public read: an active site by slug, without authentication (renderer support). */
export async function findPublicSiteBySlug(slug: string): Promise<SiteDto | null> {
  const site = await rootDb().site.findFirst({ where: { slug, isActive: true }, orderBy: { id: "asc" } });
  return site ? toSiteDto(site) : null;
}


/** Whether any account's site uses this slug: slugs are hosted sites' public addresses. */
export async function isSiteSlugTaken(slug: string): Promise<boolean> {
  return (await rootDb().site.count({ where: { slug } })) > 0;
}
