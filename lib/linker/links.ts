// The linker's record of the links it inserted (ContentLink), and what an article's HTML says
// about its links. A record is "present" while its <a data-link-id> is still in the article (the
// user may have removed the link in the editor).
import type { ScopedDb } from "@/lib/db/scoped";
import type { ContentLink } from "@/lib/generated/prisma/client";
import { urlKey, sameUrl } from "./urls";

export type ContentLinkDto = Omit<ContentLink, "accountId" | "updatedAt" | "createdById" | "removedById"> & {
  sourceTitle: string | null;
  targetTitle: string | null;
  /** Still in the source's HTML. */
  present: boolean;
};

const LINK_ID = /<a\b[^>]*\sdata-link-id="([^"]*)"/g;
const HREF = /<a\b[^>]*\shref="([^"]*)"/g;
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#10;/g, "\n").replace(/&nbsp;/g, "\u00a0").replace(/&amp;/g, "&");

/** data-link-id values in stored (sanitised) HTML, whose attributes are always double-quoted. */
export function linkIdsInHtml(html: string): Set<string> {
  return new Set([...html.matchAll(LINK_ID)].map((m) => decode(m[1])));
}

export function hrefsInHtml(html: string): string[] {
  return [...html.matchAll(HREF)].map((m) => decode(m[1]));
}

export function linksToUrl(html: string, url: string): boolean {
  const target = urlKey(url);
  if (!target) return false;
  return hrefsInHtml(html).some((href) => {
    const key = urlKey(href);
    return key !== null && sameUrl(key, target);
  });
}

/** A fresh id for an inserted <a>: unique per article, so undo never touches another link. */
export function newLinkId(): string {
  return `lnk-${crypto.randomUUID().replace(/-/g, "").slice(0, 12)}`;
}

type Db = Pick<ScopedDb, "contentLink" | "content">;

export async function toLinkDtos(db: Db, links: ContentLink[], htmlBySource: Map<number, string>): Promise<ContentLinkDto[]> {
  const ids = [...new Set(links.flatMap((l) => [l.sourceContentId, l.targetContentId]).filter((id): id is number => id !== null))];
  const titles = new Map((ids.length ? await db.content.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }) : []).map((c) => [c.id, c.title]));
  const present = new Map([...htmlBySource].map(([id, html]) => [id, linkIdsInHtml(html)]));
  return links.map(({ accountId: _a, updatedAt: _u, createdById: _c, removedById: _r, ...link }) => ({
    ...link,
    sourceTitle: titles.get(link.sourceContentId) ?? null,
    targetTitle: link.targetContentId ? (titles.get(link.targetContentId) ?? null) : null,
    present: link.status === "applied" && Boolean(present.get(link.sourceContentId)?.has(link.linkId)),
  }));
}

/** The links the linker added to an article (newest first), with whether each is still there. */
export async function listContentLinks(db: Db, content: { id: number; html: string }): Promise<ContentLinkDto[]> {
  const links = await db.contentLink.findMany({ where: { sourceContentId: content.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200 });
  return toLinkDtos(db, links, new Map([[content.id, content.html]]));
}

/** Anchors already used for links on the site, so new suggestions vary them. */
export async function usedAnchors(db: Db, siteId: number): Promise<{ targetId: number; anchorText: string }[]> {
  const rows = await db.contentLink.findMany({ where: { siteId, status: "applied", targetContentId: { not: null } }, select: { targetContentId: true, anchorText: true } });
  return rows.map((r) => ({ targetId: r.targetContentId!, anchorText: r.anchorText }));
}
