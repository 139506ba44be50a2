// Sites lifecycle (reference 000): create, list by role, retrieve, update, delete, set_active,
// select_sectors with the plan's sector limit, active sectors, API keys.
import type { AppContext } from "@/lib/auth/service";
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import { encryptSecret, maskEncrypted } from "@/lib/crypto/secret-box";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma, Site } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import { assertWithinLimit, checkLimit, limitError } from "@/lib/plans/limits";
import { slugify, uniqueSlug } from "@/lib/utils/slug";
import { newSiteApiKey } from "./api-keys";
import { invalidateHostedSite } from "./hosted-cache";
import { isSiteSlugTaken } from "./public";
import type { CreateSiteInput, ListSitesQuery, SelectSectorsInput, UpdateSiteInput } from "./schemas";

export type SiteDto = Omit<Site, "apiKeyHash" | "wpAppPassword"> & {
  wpAppPasswordMasked: string | null;
  hasApiKey: boolean;
  activeSectorsCount?: number;
};

/** Never returns secrets: the key hash stays in, the WordPress password only masked. */
export function toSiteDto(site: Site & { _count?: { sectors: number } }): SiteDto {
  const { apiKeyHash, wpAppPassword, _count, ...rest } = site;
  return {
    ...rest,
    wpAppPasswordMasked: maskEncrypted(wpAppPassword),
    hasApiKey: Boolean(apiKeyHash),
    ...(_count ? { activeSectorsCount: _count.sectors } : {}),
  };
}

const SITE_ORDERING = ["name", "createdAt", "updatedAt"] as const;

export async function listSites(db: ScopedDb, query: ListSitesQuery): Promise<Paginated<SiteDto>> {
  const where: Prisma.SiteWhereInput = {
    ...(query.search ? { OR: [{ name: { contains: query.search, mode: "insensitive" } }, { domain: { contains: query.search, mode: "insensitive" } }] } : {}),
    ...(query.slug ? { slug: query.slug } : {}),
    ...(query.isActive !== undefined ? { isActive: query.isActive } : {}),
  };
  const { field, direction } = parseOrdering(query.ordering, SITE_ORDERING, "name");
  const [count, sites] = await Promise.all([
    db.site.count({ where }),
    db.site.findMany({
      where,
      orderBy: [{ [field]: direction }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: { _count: { select: { sectors: { where: { isActive: true } } } } },
    }),
  ]);
  return { count, results: sites.map(toSiteDto) };
}

export async function getSite(db: ScopedDb, id: number): Promise<SiteDto> {
  return toSiteDto(await findSite(db, id));
}

async function findSite(db: ScopedDb, id: number): Promise<Site> {
  const site = await db.site.findFirst({ where: { id } });
  if (!site) throw new NotFoundError("Site");
  return site;
}

const SLUG_TAKEN = new ConflictError("This slug is taken: it is the site's public address, so it must be unique.", { slug: ["This slug is already used by another site."] });

/** The slug's unique index (slugs are public addresses, unique across accounts) is the source of truth; this turns its violation into a 409. */
async function uniqueSlugWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw SLUG_TAKEN;
    throw error;
  }
}

function siteData(input: CreateSiteInput | UpdateSiteInput): Prisma.SiteUncheckedUpdateInput {
  const { wpAppPassword, seoMetadata, ...rest } = input;
  const data: Prisma.SiteUncheckedUpdateInput = { ...rest };
  if (seoMetadata !== undefined) data.seoMetadata = seoMetadata as Prisma.InputJsonValue;
  if (wpAppPassword !== undefined) data.wpAppPassword = wpAppPassword ? encryptSecret(wpAppPassword.replace(/\s+/g, " ")) : null;
  if (input.domain !== undefined) data.domain = input.domain;
  return data;
}

export async function createSite(db: ScopedDb, ctx: AppContext, input: CreateSiteInput): Promise<SiteDto> {
  assertCan(ctx.role, "manageAccount");
  await assertWithinLimit(ctx.accountId, "sites", 1);
  const slug = input.slug ?? (await uniqueSlug(input.name, isSiteSlugTaken, "site"));
  const site = await uniqueSlugWrite(() =>
    db.site.create({ data: { ...(siteData(input) as Prisma.SiteUncheckedCreateInput), name: input.name, slug, accountId: ctx.accountId } }),
  );
  return toSiteDto(site);
}

export async function updateSite(db: ScopedDb, ctx: AppContext, id: number, input: UpdateSiteInput): Promise<SiteDto> {
  assertCan(ctx.role, "manageAccount");
  const before = await findSite(db, id);
  invalidateHostedSite(before.slug);
  const data = siteData(input);
  if (input.status) data.isActive = input.status === "active";
  if (input.isActive !== undefined) data.status = input.isActive ? "active" : "inactive";
  return toSiteDto(await uniqueSlugWrite(() => db.site.update({ where: { id }, data })));
}

export async function deleteSite(db: ScopedDb, ctx: AppContext, id: number): Promise<void> {
  assertCan(ctx.role, "manageAccount");
  invalidateHostedSite((await findSite(db, id)).slug);
  await db.site.delete({ where: { id } });
}

/** Marks the site active (or inactive); other sites are left as they are. */
export async function setSiteActive(db: ScopedDb, ctx: AppContext, id: number, isActive = true): Promise<SiteDto> {
  assertCan(ctx.role, "manageAccount");
  invalidateHostedSite((await findSite(db, id)).slug);
  return toSiteDto(await db.site.update({ where: { id }, data: { isActive, status: isActive ? "active" : "inactive" } }));
}

export async function listActiveSectors(db: ScopedDb, siteId: number) {
  await findSite(db, siteId);
  return db.sector.findMany({ where: { siteId, isActive: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/**
 * Picks the site's industry and sectors: listed sectors are activated (created when missing),
 * unlisted ones deactivated. Without `sectorSlugs`, the active sectors of that industry stay.
 */
export async function selectSectors(db: ScopedDb, ctx: AppContext, siteId: number, input: SelectSectorsInput) {
  assertCan(ctx.role, "manageAccount");
  const site = await findSite(db, siteId);
  const industry = await db.industry.findFirst({
    where: { slug: input.industrySlug, isActive: true },
    include: { sectors: { where: { isActive: true } } },
  });
  if (!industry) throw new NotFoundError("Industry");

  const current = await db.sector.findMany({ where: { siteId } });
  const requested = input.sectorSlugs
    ? [...new Set(input.sectorSlugs.map((s) => s.toLowerCase()))]
    : current.filter((s) => s.isActive && industry.sectors.some((is) => is.id === s.industrySectorId)).map((s) => s.slug);
  const unknown = requested.filter((slug) => !industry.sectors.some((s) => s.slug === slug));
  if (unknown.length) {
    throw new ValidationError(`These sectors are not part of ${industry.name}: ${unknown.join(", ")}.`, {
      sectorSlugs: [`Unknown sector(s) for ${industry.name}: ${unknown.join(", ")}.`],
    });
  }
  const check = await checkLimit(ctx.accountId, "sectorsPerSite", requested.length, { siteId });
  if (requested.length > check.max) throw limitError({ ...check, current: 0 });

  const chosen = industry.sectors.filter((s) => requested.includes(s.slug));
  await db.$transaction(async (tx) => {
    await tx.site.update({ where: { id: siteId }, data: { industryId: industry.id } });
    await tx.sector.updateMany({
      where: { siteId, isActive: true, NOT: { slug: { in: requested } } },
      data: { isActive: false, status: "inactive" },
    });
    for (const industrySector of chosen) {
      const existing = current.find((s) => s.slug === industrySector.slug);
      if (existing) {
        await tx.sector.update({
          where: { id: existing.id },
          data: { isActive: true, status: "active", industrySectorId: industrySector.id, name: industrySector.name },
        });
      } else {
        await tx.sector.create({
          data: {
            accountId: site.accountId,
            siteId,
            industrySectorId: industrySector.id,
            name: industrySector.name,
            slug: industrySector.slug,
            description: industrySector.description,
          },
        });
      }
    }
  });
  const sectors = await db.sector.findMany({ where: { siteId, isActive: true }, orderBy: { name: "asc" } });
  return { site: toSiteDto(await findSite(db, siteId)), sectors, limit: { max: check.max } };
}

/** Generates (or rotates) the site's API key. The plain key is returned once and never stored. */
export async function rotateSiteApiKey(db: ScopedDb, ctx: AppContext, siteId: number) {
  assertCan(ctx.role, "manageAccount");
  await findSite(db, siteId);
  const { key, prefix, hash } = newSiteApiKey();
  const site = await db.site.update({ where: { id: siteId }, data: { apiKeyHash: hash, apiKeyPrefix: prefix, apiKeyCreatedAt: new Date() } });
  return { apiKey: key, site: toSiteDto(site) };
}

export async function revokeSiteApiKey(db: ScopedDb, ctx: AppContext, siteId: number): Promise<SiteDto> {
  assertCan(ctx.role, "manageAccount");
  await findSite(db, siteId);
  return toSiteDto(await db.site.update({ where: { id: siteId }, data: { apiKeyHash: null, apiKeyPrefix: null, apiKeyCreatedAt: null } }));
}

export function suggestSlug(name: string): string {
  return slugify(name) || "site";
}
