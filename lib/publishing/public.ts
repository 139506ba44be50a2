// Public reads of hosted sites: no session, no tenant. A named place of the unscoped client
// (lib/db/README.md), limited to ACTIVE sites and to what a visitor may see: published snapshots
// (HostedPost) and published pages, always filtered by the site found from the slug. A post whose
// article is in the trash (lib/trash) is not shown; restoring the article shows it again.
import { rootDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
// Imported lazily where used: the hosted renderer's reads below must not pull the sites service
// (and through it auth and billing) into server.mjs's fast-path bundle (scripts/hosted/bundle.mjs).
import type { toPublicSiteDto } from "@/lib/sites/public";

export type PublicSite = ReturnType<typeof toPublicSiteDto>;
export type PublicPost = { slug: string; title: string; html: string; excerpt: string; metaTitle: string; metaDescription: string; featuredImage: { url: string; alt: string; width?: number; height?: number } | null; categories: string[]; tags: string[]; author: string; publishedAt: Date; updatedAt: Date };
export type PublicPage = { slug: string; title: string; html: string; template: "default" | "wide" | "landing"; metaDescription: string; showInNav: boolean; sortOrder: number; updatedAt: Date };

const POST_SELECT = { slug: true, title: true, html: true, excerpt: true, metaTitle: true, metaDescription: true, featuredImage: true, categories: true, tags: true, author: true, publishedAt: true, updatedAt: true } as const;

export async function findHostedSite(slug: string): Promise<PublicSite | null> {
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) return null;
  const { findPublicSiteBySlug, toPublicSiteDto } = await import("@/lib/sites/public");
  const site = await findPublicSiteBySlug(slug);
  return site ? toPublicSiteDto(site) : null;
}

function toPost(row: { featuredImage: unknown } & Omit<PublicPost, "featuredImage">): PublicPost {
  const image = row.featuredImage as { url?: string; alt?: string; width?: number | null; height?: number | null } | null;
  const size = image?.width && image?.height ? { width: image.width, height: image.height } : {};
  return { ...row, featuredImage: image?.url ? { url: image.url, alt: image.alt ?? "", ...size } : null };
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
  const { toPublicSiteDto } = await import("@/lib/sites/public");
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

// ---- The zero-JS renderer's reads (lib/hosted): few queries per page, only what a page shows. ----

export type HostedSiteRecord = {
  id: number;
  name: string;
  slug: string;
  domain: string | null;
  description: string;
  seoMetadata: unknown;
  /** BCP 47 tag of the site's pages. */
  language: string;
  updatedAt: Date;
  nav: { slug: string; title: string; updatedAt: Date }[];
};

/** An active site by slug or by its own domain (`domain` or `www.` + domain), with its menu: one query. */
export async function findHostedSiteRecord(by: { slug: string } | { domain: string }): Promise<HostedSiteRecord | null> {
  let where: { slug: string } | { domain: { in: string[]; mode: "insensitive" } };
  if ("slug" in by) {
    if (!/^[a-z0-9-]{1,60}$/.test(by.slug)) return null;
    where = { slug: by.slug };
  } else {
    const host = by.domain.toLowerCase();
    if (!/^[a-z0-9.-]{1,253}$/.test(host)) return null;
    const bare = host.replace(/^www\./, "");
    where = { domain: { in: [...new Set([host, bare, `https://${bare}`, `http://${bare}`, `https://www.${bare}`, `http://www.${bare}`])], mode: "insensitive" } };
  }
  const site = await rootDb().site.findFirst({
    where: { ...where, isActive: true },
    orderBy: { id: "asc" },
    select: {
      id: true, name: true, slug: true, domain: true, description: true, seoMetadata: true, language: true, updatedAt: true,
      pages: { where: { isPublished: true, showInNav: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { slug: true, title: true, updatedAt: true } },
    },
  });
  if (!site) return null;
  const { pages, ...rest } = site;
  return { ...rest, nav: pages };
}

/** Every active site's own domain, for mapping a request's Host to a site. */
export async function listHostedSiteDomains(): Promise<{ slug: string; domain: string }[]> {
  const rows = await rootDb().site.findMany({ where: { isActive: true, domain: { not: null } }, select: { slug: true, domain: true }, orderBy: { id: "asc" } });
  return rows.filter((r): r is { slug: string; domain: string } => Boolean(r.domain?.trim()));
}

/** The current slug of a page or post that was published under `slug` before (for a 301), or null; the latest move wins. */
export async function findMovedHostedEntry(siteId: number, slug: string): Promise<string | null> {
  const [page, post] = await Promise.all([
    rootDb().sitePage.findFirst({ where: { siteId, isPublished: true, previousSlugs: { has: slug } }, orderBy: { updatedAt: "desc" }, select: { slug: true, updatedAt: true } }),
    rootDb().hostedPost.findFirst({ where: { siteId, previousSlugs: { has: slug }, content: { deletedAt: null } }, orderBy: { updatedAt: "desc" }, select: { slug: true, updatedAt: true } }),
  ]);
  const latest = [page, post].filter((row) => row !== null).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0];
  return latest?.slug ?? null;
}

type EntryRow = {
  pageSlug: string | null; pageTitle: string; pageHtml: string; pageTemplate: PublicPage["template"]; pageMetaDescription: string; pageShowInNav: boolean; pageSortOrder: number; pageUpdatedAt: Date;
  postSlug: string | null; postTitle: string; postHtml: string; postExcerpt: string; postMetaTitle: string; postMetaDescription: string; postFeaturedImage: unknown; postCategories: string[]; postTags: string[]; postAuthor: string; postPublishedAt: Date; postUpdatedAt: Date;
};

/**
 * A published page or post by slug, for one entry URL, pages winning: one query (the hot read of a
 * hosted cache miss, written in SQL because the query builder's own cost per query was most of a
 * render's). The post is read only when no page matched, and not when its article is in the trash.
 */
export async function findHostedEntry(siteId: number, slug: string): Promise<{ page: PublicPage; post: null } | { page: null; post: PublicPost } | null> {
  if (!/^[a-z0-9-]{1,200}$/.test(slug)) return null;
  const [row] = await rootDb().$queryRaw<EntryRow[]>`
    SELECT p.slug AS "pageSlug", p.title AS "pageTitle", p.html AS "pageHtml", p.template::text AS "pageTemplate", p."metaDescription" AS "pageMetaDescription",
           p."showInNav" AS "pageShowInNav", p."sortOrder" AS "pageSortOrder", p."updatedAt" AS "pageUpdatedAt",
           h.slug AS "postSlug", h.title AS "postTitle", h.html AS "postHtml", h.excerpt AS "postExcerpt", h."metaTitle" AS "postMetaTitle", h."metaDescription" AS "postMetaDescription",
           h."featuredImage" AS "postFeaturedImage", h.categories AS "postCategories", h.tags AS "postTags", h.author AS "postAuthor", h."publishedAt" AS "postPublishedAt", h."updatedAt" AS "postUpdatedAt"
    FROM (SELECT 1) AS one
    LEFT JOIN site_pages p ON p."siteId" = ${siteId} AND p.slug = ${slug} AND p."isPublished"
    LEFT JOIN hosted_posts h ON p.id IS NULL AND h."siteId" = ${siteId} AND h.slug = ${slug}
      AND EXISTS (SELECT 1 FROM content c WHERE c.id = h."contentId" AND c."deletedAt" IS NULL)`;
  if (row?.pageSlug) {
    return { page: { slug: row.pageSlug, title: row.pageTitle, html: row.pageHtml, template: row.pageTemplate, metaDescription: row.pageMetaDescription, showInNav: row.pageShowInNav, sortOrder: row.pageSortOrder, updatedAt: new Date(row.pageUpdatedAt) }, post: null };
  }
  if (!row?.postSlug) return null;
  const featuredImage = typeof row.postFeaturedImage === "string" ? JSON.parse(row.postFeaturedImage) : row.postFeaturedImage;
  const post = toPost({ slug: row.postSlug, title: row.postTitle, html: row.postHtml, excerpt: row.postExcerpt, metaTitle: row.postMetaTitle, metaDescription: row.postMetaDescription, featuredImage, categories: row.postCategories, tags: row.postTags, author: row.postAuthor, publishedAt: new Date(row.postPublishedAt), updatedAt: new Date(row.postUpdatedAt) });
  return { page: null, post };
}

/** The distinct category or tag names of a site's live posts (an archive finds its term by slug among them). */
export async function listHostedTermNames(siteId: number, kind: "category" | "tag"): Promise<string[]> {
  const column = kind === "category" ? Prisma.raw("h.categories") : Prisma.raw("h.tags");
  const rows = await rootDb().$queryRaw<{ name: string }[]>`
    SELECT DISTINCT term AS name FROM hosted_posts h CROSS JOIN LATERAL unnest(${column}) AS term
    WHERE h."siteId" = ${siteId} AND EXISTS (SELECT 1 FROM content c WHERE c.id = h."contentId" AND c."deletedAt" IS NULL)`;
  return rows.map((r) => r.name);
}

/**
 * One page of a site's posts, newest first, with the total: two queries in one round trip. With
 * `terms`, only posts carrying one of those category (or tag) names.
 */
export async function listHostedPostPage(siteId: number, page: { skip: number; take: number; withHtml?: boolean; terms?: { kind: "category" | "tag"; names: string[] } }): Promise<{ posts: PublicPost[]; total: number }> {
  const byTerm = page.terms ? (page.terms.kind === "category" ? { categories: { hasSome: page.terms.names } } : { tags: { hasSome: page.terms.names } }) : {};
  const where = { siteId, content: { deletedAt: null }, ...byTerm };
  const [rows, total] = await Promise.all([
    rootDb().hostedPost.findMany({ where, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], skip: page.skip, take: page.take, select: { ...POST_SELECT, html: page.withHtml ?? false } }),
    rootDb().hostedPost.count({ where }),
  ]);
  return { posts: rows.map((row) => toPost({ ...row, html: row.html ?? "" })), total };
}

/** Which of `slugs` are live posts or pages of the site (link rewriting: which targets resolve): one query. */
export async function listHostedLiveSlugs(siteId: number, slugs: string[]): Promise<Set<string>> {
  const rows = await rootDb().$queryRaw<{ slug: string }[]>`
    SELECT h.slug FROM hosted_posts h JOIN content c ON c.id = h."contentId" AND c."deletedAt" IS NULL WHERE h."siteId" = ${siteId} AND h.slug = ANY(${slugs})
    UNION SELECT p.slug FROM site_pages p WHERE p."siteId" = ${siteId} AND p."isPublished" AND p.slug = ANY(${slugs})`;
  return new Set(rows.map((r) => r.slug));
}
