// The site manager's pages of a hosted site: add, edit (content, template, SEO), remove, reorder.
// Every change refreshes the hosted site's cached pages.
import { assertCan } from "@/lib/auth/permissions";
import { sanitizeHtml } from "@/lib/content";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { SitePage } from "@/lib/generated/prisma/client";
import { uniqueSlug } from "@/lib/utils/slug";
import { revalidateHostedSite } from "./hooks";
import type { CreatePageInput, UpdatePageInput } from "./schemas";

export type PageDto = Omit<SitePage, "accountId">;
const toDto = ({ accountId: _a, ...page }: SitePage): PageDto => page;

/** Paths the hosted site uses itself: a page cannot take them. */
const RESERVED = new Set(["sitemap-xml", "robots-txt", "rss-xml", "feed", "api", "media"]);

async function siteOf(db: ScopedDb, siteId: number) {
  const site = await db.site.findFirst({ where: { id: siteId }, select: { id: true, slug: true, accountId: true } });
  if (!site) throw new NotFoundError("Site");
  return site;
}

export async function listPages(db: ScopedDb, siteId: number): Promise<PageDto[]> {
  await siteOf(db, siteId);
  return (await db.sitePage.findMany({ where: { siteId }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] })).map(toDto);
}

export async function getPage(db: ScopedDb, id: number): Promise<PageDto> {
  const page = await db.sitePage.findFirst({ where: { id } });
  if (!page) throw new NotFoundError("Page");
  return toDto(page);
}

function slugTaken(): never {
  throw new ConflictError("Another page of this site uses this slug.", { slug: ["This slug is already used by another page."] });
}

export async function createPage(db: ScopedDb, ctx: TenantContext, input: CreatePageInput): Promise<PageDto> {
  assertCan(ctx.role, "write");
  const site = await siteOf(db, input.siteId);
  if (input.slug && RESERVED.has(input.slug)) throw new ValidationError("This slug is reserved.", { slug: ["Reserved by the hosted site."] });
  const taken = async (slug: string) => RESERVED.has(slug) || (await db.sitePage.count({ where: { siteId: site.id, slug } })) > 0;
  if (input.slug && (await taken(input.slug))) slugTaken();
  const slug = input.slug ?? (await uniqueSlug(input.title, taken, "page"));
  const last = await db.sitePage.findFirst({ where: { siteId: site.id }, orderBy: { sortOrder: "desc" }, select: { sortOrder: true } });
  const page = await db.sitePage.create({
    data: {
      accountId: site.accountId,
      siteId: site.id,
      title: input.title,
      slug,
      html: sanitizeHtml(input.html ?? ""),
      template: input.template ?? "default",
      metaDescription: input.metaDescription ?? "",
      isPublished: input.isPublished ?? true,
      showInNav: input.showInNav ?? true,
      sortOrder: (last?.sortOrder ?? -1) + 1,
    },
  });
  await revalidateHostedSite(site.slug);
  return toDto(page);
}

export async function updatePage(db: ScopedDb, ctx: TenantContext, id: number, input: UpdatePageInput): Promise<PageDto> {
  assertCan(ctx.role, "write");
  const current = await db.sitePage.findFirst({ where: { id } });
  if (!current) throw new NotFoundError("Page");
  if (input.slug && input.slug !== current.slug) {
    if (RESERVED.has(input.slug)) throw new ValidationError("This slug is reserved.", { slug: ["Reserved by the hosted site."] });
    if (await db.sitePage.count({ where: { siteId: current.siteId, slug: input.slug, id: { not: id } } })) slugTaken();
  }
  // The old address keeps working: the hosted site answers it with a 301 to the new one.
  const moved = input.slug && input.slug !== current.slug ? { previousSlugs: [...new Set([...current.previousSlugs, current.slug])].filter((s) => s !== input.slug).slice(-20) } : {};
  const page = await db.sitePage.update({ where: { id }, data: { ...input, ...moved, ...(input.html !== undefined ? { html: sanitizeHtml(input.html) } : {}) } });
  await revalidateHostedSite((await siteOf(db, current.siteId)).slug);
  return toDto(page);
}

export async function deletePage(db: ScopedDb, ctx: TenantContext, id: number): Promise<void> {
  assertCan(ctx.role, "write");
  const current = await db.sitePage.findFirst({ where: { id }, select: { id: true, siteId: true } });
  if (!current) throw new NotFoundError("Page");
  await db.sitePage.delete({ where: { id } });
  await revalidateHostedSite((await siteOf(db, current.siteId)).slug);
}

/** `ids` in their new order: every page of the site, each once. */
export async function reorderPages(db: ScopedDb, ctx: TenantContext, siteId: number, ids: number[]): Promise<PageDto[]> {
  assertCan(ctx.role, "write");
  const site = await siteOf(db, siteId);
  const pages = await db.sitePage.findMany({ where: { siteId }, select: { id: true } });
  const known = new Set(pages.map((p) => p.id));
  if (ids.some((id) => !known.has(id))) throw new NotFoundError("Page");
  if (new Set(ids).size !== ids.length || ids.length !== pages.length) throw new ValidationError("List every page of the site once.", { ids: ["List every page of the site once."] });
  await db.$transaction(ids.map((id, index) => db.sitePage.updateMany({ where: { id, siteId }, data: { sortOrder: index } })));
  await revalidateHostedSite(site.slug);
  return listPages(db, siteId);
}
