// Link targets of a site: the pages an article may link to. The app's own articles, and the posts
// and pages synced from the site's WordPress (RemoteItem) that are not copies of app articles; those
// get negative ids (-remoteItem.id) and no contentId.
//
// Tenancy: every query names the site, and callers pass a client scoped to the caller's account
// and sites, so a target is never another site's (let alone another account's) page.
import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError } from "@/lib/errors";
import type { ContentStatus } from "@/lib/generated/prisma/client";
import type { LinkTarget } from "./types";

export type SiteLinkTarget = LinkTarget & {
  /** The app's Content row, when the target is one. */
  contentId: number | null;
  status: ContentStatus;
  origin: "content" | "wordpress";
};

export type LinkSite = { id: number; slug: string; domain: string | null; baseUrl: string; updatedAt: Date };

type Db = Pick<ScopedDb, "content" | "contentClusterMap" | "site" | "remoteItem">;

/** Where the site's articles live: its own domain, else the hosted site under /sites/<slug>. */
export function siteBaseUrl(site: { slug: string; domain: string | null }): string {
  return site.domain ? site.domain.replace(/\/+$/, "") : `/sites/${site.slug}`;
}

export function contentUrl(site: { baseUrl: string }, slug: string): string {
  return `${site.baseUrl}/${slug}`;
}

export async function loadLinkSite(db: Db, siteId: number): Promise<LinkSite> {
  const site = await db.site.findFirst({ where: { id: siteId }, select: { id: true, slug: true, domain: true, updatedAt: true } });
  if (!site) throw new NotFoundError("Site");
  return { ...site, baseUrl: siteBaseUrl(site) };
}

export const TARGET_STATUSES = (includeDrafts: boolean): ContentStatus[] => (includeDrafts ? ["published", "review", "draft"] : ["published"]);

const TARGET_SELECT = { id: true, title: true, slug: true, status: true, primaryKeyword: true, secondaryKeywords: true } as const;

async function toTargets(db: Db, site: LinkSite, rows: { id: number; title: string; slug: string; status: ContentStatus; primaryKeyword: string; secondaryKeywords: string[] }[]): Promise<SiteLinkTarget[]> {
  const maps = rows.length
    ? await db.contentClusterMap.findMany({ where: { siteId: site.id, ...(rows.length <= 500 ? { contentId: { in: rows.map((r) => r.id) } } : {}) }, select: { contentId: true, clusterId: true } })
    : [];
  const clusters = new Map<number, number[]>();
  for (const m of maps) clusters.set(m.contentId, [...(clusters.get(m.contentId) ?? []), m.clusterId]);
  return rows.map((r) => ({
    id: r.id,
    contentId: r.id,
    title: r.title,
    url: contentUrl(site, r.slug),
    primaryKeyword: r.primaryKeyword,
    secondaryKeywords: r.secondaryKeywords,
    clusterIds: clusters.get(r.id) ?? [],
    status: r.status,
    origin: "content",
  }));
}

/**
 * Every page of the site an article may link to: published articles (with `includeDrafts`, drafts
 * and articles in review too, at the URL they will have). Articles without a slug have no URL yet.
 */
export async function linkTargetsForSite(db: Db, siteId: number, options: { includeDrafts?: boolean } = {}): Promise<{ site: LinkSite; targets: SiteLinkTarget[] }> {
  const site = await loadLinkSite(db, siteId);
  return { site, targets: await targetsOf(db, site, Boolean(options.includeDrafts)) };
}

const targetWhere = (siteId: number, includeDrafts: boolean) => ({ siteId, status: { in: TARGET_STATUSES(includeDrafts) }, slug: { not: "" } });

export async function targetsOf(db: Db, site: LinkSite, includeDrafts: boolean): Promise<SiteLinkTarget[]> {
  const rows = await db.content.findMany({ where: targetWhere(site.id, includeDrafts), select: TARGET_SELECT, orderBy: { id: "asc" } });
  const remote = await db.remoteItem.findMany({ where: remoteWhere(site.id), select: REMOTE_SELECT, orderBy: { id: "asc" } });
  return [...(await toTargets(db, site, rows)), ...remote.map(remoteTarget)];
}

// Synced WordPress posts and pages that are live and are not the app's own published articles.
const remoteWhere = (siteId: number) => ({ siteId, kind: { in: ["post", "page"] }, status: "publish", contentId: null, url: { not: "" } });
const REMOTE_SELECT = { id: true, title: true, url: true } as const;

function remoteTarget(item: { id: number; title: string; url: string }): SiteLinkTarget {
  return { id: -item.id, contentId: null, title: item.title, url: item.url, primaryKeyword: "", secondaryKeywords: [], clusterIds: [], status: "published", origin: "wordpress" };
}

/**
 * Changes whenever the site's targets could have: an article saved, added or removed, a cluster
 * mapping added or removed, the site's address changed. Two cheap aggregates on indexed columns.
 */
export async function targetsFingerprint(db: Db, site: LinkSite, includeDrafts: boolean): Promise<string> {
  const [content, maps, remote] = await Promise.all([
    db.content.aggregate({ where: targetWhere(site.id, includeDrafts), _count: { _all: true }, _max: { updatedAt: true } }),
    db.contentClusterMap.aggregate({ where: { siteId: site.id }, _count: { _all: true }, _max: { createdAt: true } }),
    db.remoteItem.aggregate({ where: remoteWhere(site.id), _count: { _all: true }, _max: { syncedAt: true } }),
  ]);
  return [
    site.updatedAt.getTime(),
    content._count._all,
    content._max.updatedAt?.getTime() ?? 0,
    maps._count._all,
    maps._max.createdAt?.getTime() ?? 0,
    remote._count._all,
    remote._max.syncedAt?.getTime() ?? 0,
  ].join(":");
}

/** The named targets of the site (any status); ids that are not on this site are missing from the result. */
export async function findLinkTargets(db: Db, site: LinkSite, ids: number[]): Promise<Map<number, SiteLinkTarget>> {
  if (!ids.length) return new Map();
  const rows = await db.content.findMany({ where: { siteId: site.id, id: { in: ids.filter((id) => id > 0) }, slug: { not: "" } }, select: TARGET_SELECT });
  const remoteIds = ids.filter((id) => id < 0).map((id) => -id);
  const remote = remoteIds.length ? await db.remoteItem.findMany({ where: { ...remoteWhere(site.id), id: { in: remoteIds } }, select: REMOTE_SELECT }) : [];
  return new Map([...(await toTargets(db, site, rows)), ...remote.map(remoteTarget)].map((t) => [t.id, t]));
}
