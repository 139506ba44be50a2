// Public reads of hosted sites: no session, no tenant. A named place of the unscoped client
// (lib/db/README.md), limited to ACTIVE sites and to what a visitor may see: published snapshots
// (HostedPost) and published pages, always filtered by the site found from the slug. A post whose
// article is in the trash (lib/trash) is not shown; restoring the article shows it again.
import { rootDb } from "@/lib/db/client";
import { findPublicSiteBySlug, toPublicSiteDto } from "@/lib/sites/public";

export type PublicSite = ReturnType<typeof toPublicSiteDto>;
export type PublicPost = { slug: string; title: string; html: string; excerpt: string; metaTitle: string; metaDescription: string; featuredImage: { url: string; alt: string } | null; categories: string[]; tags: string[]; author: string; publishedAt: Date; updatedAt: Date };
export type PublicPage = { slug: string; title: string; html: string; template: "default" | "wide" | "landing"; metaDescription: string; showInNav: boolean; sortOrder: number; updatedAt: Date };

const POST_SELECT = { slug: true, title: true, html: true, excerpt: true, metaTitle: true, metaDescription: true, featuredImage: true, categories: true, tags: true, author: true, publishedAt: true, updatedAt: true } as const;

export async function findHostedSite(slug: string): Promise<PublicSite | null> {
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) return null;
  const site = await findPublicSiteBySlug(slug);
  return site ? toPublicSiteDto(site) : null;
}

function toPost(row: { featuredImage: unknown } & Omit<PublicPost, "featuredImage">): PublicPost {
  const image = row.featuredImage as { url?: string; alt?: string } | null;
  return { ...row, featuredImage: image?.url ? { url: image.url, alt: image.alt ?? "" } : null };
}

export async function listHostedPosts(siteId: number, options: { take?: number; withHtml?: boolean } = {}): Promise<PublicPost[]> {
  const rows = await rootDb().hostedPost.findMany({
    where: { siteId, content: { deletedAt: null } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: options.take ?? 50,
    select: { ...POST_SELECT, html: options.withHtml ?? false },
  });
  return rows.map((row) => toPost({ ...row, html: row.html ?? "" }));
}

export async function findHostedPost(siteId: number, slug: string): Promise<PublicPost | null> {
  const row = await rootDb().hostedPost.findFirst({ where: { siteId, slug, content: { deletedAt: null } }, select: POST_SELECT });
  return row ? toPost(row) : null;
}

export async function listHostedPages(siteId: number): Promise<PublicPage[]> {
  return rootDb().sitePage.findMany({
    where: { siteId, isPublished: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { slug: true, title: true, html: true, template: true, metaDescription: true, showInNav: true, sortOrder: true, updatedAt: true },
  });
}

export async function findHostedPage(siteId: number, slug: string): Promise<PublicPage | null> {
  return rootDb().sitePage.findFirst({
    where: { siteId, slug, isPublished: true },
    select: { slug: true, title: true, html: true, template: true, metaDescription: true, showInNav: true, sortOrder: true, updatedAt: true },
  });
}

/** GET /api/v1/publisher/sites/{id}/definition/: the public definition of an ACTIVE site. */
export async function getSiteDefinition(siteId: number) {
  const site = await rootDb().site.findFirst({ where: { id: siteId, isActive: true } });
  if (!site) return null;
  const [pages, posts] = await Promise.all([listHostedPages(site.id), listHostedPosts(site.id, { take: 500 })]);
  const deployment = await rootDb().deploymentRecord.findFirst({ where: { siteId: site.id, status: "deployed" }, orderBy: { version: "desc" }, select: { version: true, deployedAt: true } });
  const { toSiteDto } = await import("@/lib/sites/service");
  const { deployedBlueprintOf } = await import("@/lib/site-builder/public");
  return {
    site: toPublicSiteDto(toSiteDto(site)),
    navigation: pages.filter((p) => p.showInNav).map((p) => ({ title: p.title, path: `/sites/${site.slug}/${p.slug}` })),
    pages: pages.map(({ html: _html, ...p }) => ({ ...p, path: `/sites/${site.slug}/${p.slug}` })),
    posts: posts.map(({ html: _html, ...p }) => ({ ...p, path: `/sites/${site.slug}/${p.slug}` })),
    deployment: deployment ?? null,
    blueprint: await deployedBlueprintOf(site.id, site.slug),
  };
}
