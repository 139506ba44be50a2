// The linker: suggestions for one article (outgoing, and incoming from the site's other articles),
// applying the chosen ones into the HTML, and undo. The matching and insertion are the pure core
// (./candidates, ./insert); this file loads, checks tenancy and versions, and records the links.
//
// Tenancy: the article is found through the caller's scoped client (another account's id → 404).
// Everything else is read through a client narrowed to that article's site, and every query names
// the site: targets and sources are never another site's pages.
import { assertCan } from "@/lib/auth/permissions";
import { scoped, type ScopedDb } from "@/lib/db/scoped";
import { withSelection, type TenantContext } from "@/lib/db/tenant-context";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { conflict, getContent, rewriteContentHtml, type ContentDto } from "@/lib/writer/content";
import { DEFAULT_MAX_LINKS_PER_ARTICLE, buildLinkIndex, incomingPrefilter, suggestIncomingLinks, suggestLinks, type LinkIndex } from "./candidates";
import { applyLinks, removeLinks } from "./insert";
import { linkIdsInHtml, linksToUrl, listContentLinks, newLinkId, toLinkDtos, usedAnchors, type ContentLinkDto } from "./links";
import type { ApplyLinksInput, ProcessLinksInput, UndoLinksInput } from "./schemas";
import { loadIncomingSources } from "./sources";
import { cachedIndex } from "./index-cache";
import { TARGET_STATUSES, contentUrl, findLinkTargets, loadLinkSite, targetsFingerprint, targetsOf, type LinkSite, type SiteLinkTarget } from "./targets";

export type LinkSuggestionDto = {
  targetId: number;
  targetTitle: string;
  targetUrl: string;
  targetStatus: string;
  anchorText: string;
  occurrence: number;
  score: number;
  reason: string;
  context: string;
};

export type IncomingSuggestionDto = {
  sourceId: number;
  sourceTitle: string;
  sourceStatus: string;
  sourceVersion: number;
  anchorText: string;
  occurrence: number;
  score: number;
  reason: string;
  context: string;
};

export type ProcessResult = {
  content: { id: number; title: string; version: number; siteId: number; url: string | null };
  suggestions: LinkSuggestionDto[];
  incoming: IncomingSuggestionDto[] | null;
  links: ContentLinkDto[];
  caps: { perArticle: number; perTarget: number; used: number };
};

const SOURCE_SELECT = { id: true, siteId: true, sectorId: true, title: true, html: true, slug: true, status: true, version: true, primaryKeyword: true } as const;
type Source = { id: number; siteId: number; sectorId: number; title: string; html: string; slug: string; status: string; version: number; primaryKeyword: string };

async function findSource(db: ScopedDb, id: number): Promise<Source> {
  const source = await db.content.findFirst({ where: { id }, select: SOURCE_SELECT });
  if (!source) throw new NotFoundError("Content");
  return source;
}

/** The whole site of the article, whatever site/sector the caller has selected in the UI. */
const siteClient = (ctx: TenantContext, siteId: number) => scoped(withSelection(ctx, siteId));

async function clusterIdsOf(db: ScopedDb, contentId: number): Promise<number[]> {
  return (await db.contentClusterMap.findMany({ where: { contentId }, select: { clusterId: true } })).map((m) => m.clusterId);
}

const asTarget = (source: Source, site: LinkSite, clusterIds: number[], secondaryKeywords: string[]): SiteLinkTarget => ({
  id: source.id,
  contentId: source.id,
  title: source.title,
  url: contentUrl(site, source.slug),
  primaryKeyword: source.primaryKeyword,
  secondaryKeywords,
  clusterIds,
  status: source.status as SiteLinkTarget["status"],
  origin: "content",
});

/** A site's index, for one request or one batch step (build once, reuse for every article). */
export type SiteLinking = { site: LinkSite; targets: SiteLinkTarget[]; index: LinkIndex; byId: Map<number, SiteLinkTarget>; usedAnchors: { targetId: number; anchorText: string }[] };

export async function loadSiteLinking(db: ScopedDb, siteId: number, includeDrafts: boolean): Promise<SiteLinking> {
  const site = await loadLinkSite(db, siteId);
  const [fingerprint, anchors] = await Promise.all([targetsFingerprint(db, site, includeDrafts), usedAnchors(db, siteId)]);
  const cached = await cachedIndex(`${siteId}:${includeDrafts}`, fingerprint, async () => {
    const targets = await targetsOf(db, site, includeDrafts);
    return { targets, index: buildLinkIndex(targets), byId: new Map(targets.map((t) => [t.id, t])) };
  });
  return { site, ...cached, usedAnchors: anchors };
}

/** Outgoing suggestions for one article against its site's index. */
export async function outgoingSuggestions(db: ScopedDb, source: Source, linking: SiteLinking, maxLinks: number): Promise<LinkSuggestionDto[]> {
  const clusterIds = linking.byId.get(source.id)?.clusterIds ?? (await clusterIdsOf(db, source.id));
  const found = suggestLinks(
    { id: source.id, html: source.html, clusterIds, primaryKeyword: source.primaryKeyword, url: source.slug ? contentUrl(linking.site, source.slug) : undefined },
    linking.index,
    { maxLinksPerArticle: maxLinks, usedAnchors: linking.usedAnchors },
  );
  return found.map((s) => {
    const target = linking.byId.get(s.targetId)!;
    return { targetId: s.targetId, targetTitle: target.title, targetUrl: s.targetUrl, targetStatus: target.status, anchorText: s.anchorText, occurrence: s.occurrence, score: s.score, reason: s.reason, context: s.context };
  });
}

async function incomingSuggestions(db: ScopedDb, ctx: TenantContext, source: Source, linking: SiteLinking, includeDrafts: boolean, maxLinks: number): Promise<IncomingSuggestionDto[]> {
  // Older articles link to a page once it is live (or, on request, to a draft at its future address).
  if (!source.slug || (source.status !== "published" && !includeDrafts)) return [];
  const full = await db.content.findFirst({ where: { id: source.id }, select: { secondaryKeywords: true, accountId: true } });
  const target = linking.byId.get(source.id) ?? asTarget(source, linking.site, await clusterIdsOf(db, source.id), full?.secondaryKeywords ?? []);
  const groups = incomingPrefilter(target, linking.index);
  const rows = await loadIncomingSources(db, { accountId: full?.accountId ?? ctx.accountId, siteId: source.siteId, targetId: source.id, statuses: TARGET_STATUSES(includeDrafts) }, groups);
  if (!rows.length) return [];
  const clusters = new Map<number, number[]>();
  for (const m of await db.contentClusterMap.findMany({ where: { contentId: { in: rows.map((r) => r.id) } }, select: { contentId: true, clusterId: true } })) {
    clusters.set(m.contentId, [...(clusters.get(m.contentId) ?? []), m.clusterId]);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const found = suggestIncomingLinks(
    target,
    rows.map((r) => ({ id: r.id, html: r.html, clusterIds: clusters.get(r.id) ?? [], primaryKeyword: r.primaryKeyword, url: r.slug ? contentUrl(linking.site, r.slug) : undefined })),
    { siteIndex: linking.index, usedAnchors: linking.usedAnchors, maxLinksPerArticle: maxLinks },
  );
  return found.map((s) => {
    const row = byId.get(s.sourceId)!;
    return { sourceId: s.sourceId, sourceTitle: row.title, sourceStatus: row.status, sourceVersion: row.version, anchorText: s.anchorText, occurrence: s.occurrence, score: s.score, reason: s.reason, context: s.context };
  });
}

/** process: suggestions for one article (and, on request, links to it from older ones). Read-only. */
export async function processContent(ctx: TenantContext, input: ProcessLinksInput): Promise<ProcessResult> {
  const source = await findSource(scoped(ctx), input.contentId);
  const db = siteClient(ctx, source.siteId);
  const maxLinks = input.maxLinks ?? DEFAULT_MAX_LINKS_PER_ARTICLE;
  const linking = await loadSiteLinking(db, source.siteId, input.includeDrafts);
  const [suggestions, incoming, links] = await Promise.all([
    outgoingSuggestions(db, source, linking, maxLinks),
    input.includeIncoming ? incomingSuggestions(db, ctx, source, linking, input.includeDrafts, maxLinks) : null,
    listContentLinks(db, source),
  ]);
  return {
    content: { id: source.id, title: source.title, version: source.version, siteId: source.siteId, url: source.slug ? contentUrl(linking.site, source.slug) : null },
    suggestions,
    incoming,
    links,
    caps: { perArticle: maxLinks, perTarget: 1, used: linkIdsInHtml(source.html).size },
  };
}

type Chosen = { anchorText: string; occurrence: number; score?: number; reason?: string; target: { id: number | null; url: string } };
type Skipped = { anchorText: string; targetId?: number; sourceId?: number; reason: string };

/**
 * Inserts `chosen` links into one article and records them, in one transaction with a
 * compare-and-set on the article's version. Caps: at most `maxLinks` linker links in the article
 * (counting earlier ones) and one link per target page.
 */
async function insertInto(
  db: ScopedDb,
  ctx: TenantContext,
  source: Source,
  chosen: Chosen[],
  options: { maxLinks: number; origin: string; runId?: string; version?: number },
): Promise<{ created: number[]; skipped: Skipped[]; conflict: boolean }> {
  const skipped: Skipped[] = [];
  if (options.version !== undefined && options.version !== source.version) return { created: [], skipped, conflict: true };
  let room = options.maxLinks - linkIdsInHtml(source.html).size;
  const urls = new Set<string>();
  const batch: (Chosen & { linkId: string })[] = [];
  for (const link of chosen) {
    const skip = (reason: string) => skipped.push({ anchorText: link.anchorText, ...(link.target.id ? { targetId: link.target.id } : {}), reason });
    if (room <= 0) skip(`The article already has ${options.maxLinks} linker links (the cap).`);
    else if (urls.has(link.target.url) || linksToUrl(source.html, link.target.url)) skip("The article already links to this page.");
    else {
      urls.add(link.target.url);
      batch.push({ ...link, linkId: newLinkId() });
      room--;
    }
  }
  if (!batch.length) return { created: [], skipped, conflict: false };
  const result = applyLinks(source.html, batch.map((l) => ({ anchorText: l.anchorText, occurrence: l.occurrence, url: l.target.url, linkId: l.linkId })));
  const inserted = linkIdsInHtml(result.html);
  for (const s of result.skipped) skipped.push({ anchorText: s.anchorText, reason: s.reason });
  const done = batch.filter((l) => inserted.has(l.linkId));
  if (!done.length) return { created: [], skipped, conflict: false };
  const created = await db.$transaction(async (tx) => {
    if (!(await rewriteContentHtml(tx, source.id, source.version, result.html))) return null;
    const rows = await tx.contentLink.createManyAndReturn({
      data: done.map((l) => ({
        accountId: ctx.accountId,
        siteId: source.siteId,
        sectorId: source.sectorId,
        sourceContentId: source.id,
        targetContentId: l.target.id && l.target.id > 0 ? l.target.id : null,
        anchorText: l.anchorText,
        url: l.target.url,
        linkId: l.linkId,
        occurrence: l.occurrence,
        score: l.score ?? 0,
        reason: l.reason ?? "",
        origin: options.origin,
        runId: options.runId ?? null,
        createdById: ctx.userId,
      })),
      select: { id: true },
    });
    return rows.map((r) => r.id);
  });
  if (!created) return { created: [], skipped, conflict: true };
  return { created, skipped, conflict: false };
}

/** Batch linking: an article's own suggestions, inserted up to the caps. */
export function insertSuggestions(db: ScopedDb, ctx: TenantContext, source: Source, suggestions: LinkSuggestionDto[], options: { maxLinks: number; origin: string; runId?: string }) {
  return insertInto(db, ctx, source, suggestions.map((s) => ({ ...s, target: { id: s.targetId, url: s.targetUrl } })), options);
}

export type ApplyResult = {
  /** The article named by content_id, as stored now (the editor adopts it). */
  content: ContentDto;
  applied: ContentLinkDto[];
  skipped: Skipped[];
  /** Incoming links: per older article, what happened. */
  sources: { contentId: number; title: string; applied: number; conflict: boolean }[];
};

/** apply: inserts the chosen suggestions (outgoing from the article, and/or incoming to it). */
export async function applyLinkSuggestions(ctx: TenantContext, input: ApplyLinksInput): Promise<ApplyResult> {
  assertCan(ctx.role, "write");
  const own = scoped(ctx);
  const article = await findSource(own, input.contentId);
  const db = siteClient(ctx, article.siteId);
  const site = await loadLinkSite(db, article.siteId);
  const maxLinks = input.maxLinks ?? DEFAULT_MAX_LINKS_PER_ARTICLE;
  const skipped: Skipped[] = [];
  const created: number[] = [];

  if (input.links.length) {
    if (input.links.some((l) => l.targetId === article.id)) throw new ValidationError("An article cannot link to itself.", { links: ["Remove the link to this article itself."] });
    const targets = await findLinkTargets(db, site, [...new Set(input.links.map((l) => l.targetId))]);
    if (targets.size !== new Set(input.links.map((l) => l.targetId)).size) throw new NotFoundError("Link target");
    const out = await insertInto(db, ctx, article, input.links.map((l) => ({ ...l, target: { id: l.targetId, url: targets.get(l.targetId)!.url } })), { maxLinks, origin: "outgoing", version: input.version });
    if (out.conflict) await conflict(own, article.id);
    created.push(...out.created);
    skipped.push(...out.skipped);
  }

  const sources: ApplyResult["sources"] = [];
  if (input.incoming.length) {
    if (!article.slug) throw new ValidationError("Give this article a slug first: links need its address.", { slug: ["Set a slug."] });
    if (article.status !== "published" && !input.includeDrafts) {
      throw new ValidationError("Publish this article before linking older articles to it (or set include_drafts).", { incoming: ["Publish the article first."] });
    }
    if (input.incoming.some((l) => l.sourceId === article.id)) throw new ValidationError("An article cannot link to itself.", { incoming: ["Remove this article from the sources."] });
    const sourceIds = [...new Set(input.incoming.map((l) => l.sourceId))];
    const rows = await db.content.findMany({ where: { siteId: article.siteId, id: { in: sourceIds } }, select: SOURCE_SELECT });
    if (rows.length !== sourceIds.length) throw new NotFoundError("Content");
    const url = contentUrl(site, article.slug);
    for (const source of rows) {
      const links = input.incoming.filter((l) => l.sourceId === source.id);
      const out = await insertInto(db, ctx, source, links.map((l) => ({ ...l, target: { id: article.id, url } })), { maxLinks, origin: "incoming", version: links.find((l) => l.version !== undefined)?.version });
      sources.push({ contentId: source.id, title: source.title, applied: out.created.length, conflict: out.conflict });
      created.push(...out.created);
      skipped.push(...out.skipped.map((s) => ({ ...s, sourceId: source.id })));
      if (out.conflict) for (const l of links) skipped.push({ anchorText: l.anchorText, sourceId: source.id, reason: "That article was changed meanwhile; open it and try again." });
    }
  }

  const rows = created.length ? await db.contentLink.findMany({ where: { id: { in: created } }, orderBy: { id: "asc" } }) : [];
  const htmls = new Map((rows.length ? await db.content.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.sourceContentId))] } }, select: { id: true, html: true } }) : []).map((c) => [c.id, c.html]));
  return { content: await getContent(own, article.id), applied: await toLinkDtos(db, rows, htmls), skipped, sources };
}

export type UndoResult = { removed: number; contents: { id: number; version: number }[]; content: ContentDto | null };

/** undo: takes the links out of the HTML again (their text stays) and marks them removed. */
export async function undoLinks(ctx: TenantContext, input: UndoLinksInput): Promise<UndoResult> {
  assertCan(ctx.role, "write");
  const db = scoped(ctx);
  const ids = input.ids ? [...new Set(input.ids)] : null;
  const links = await db.contentLink.findMany({ where: ids ? { id: { in: ids } } : { runId: input.runId }, orderBy: { id: "asc" } });
  if ((ids && links.length !== ids.length) || links.length === 0) throw new NotFoundError("Link");
  const sourceIds = [...new Set(links.map((l) => l.sourceContentId))];
  if (input.version !== undefined && sourceIds.length > 1) throw new ValidationError("version only applies to links of one article.", { version: ["Undo one article's links at a time, or leave version out."] });
  const open = links.filter((l) => l.status === "applied");
  const contents: UndoResult["contents"] = [];
  for (const sourceId of sourceIds) {
    const mine = open.filter((l) => l.sourceContentId === sourceId);
    // Without a version from the caller, a save that lands between our read and write is not the
    // caller's concern: read again and retry.
    for (let attempt = 1; ; attempt++) {
      const source = await db.content.findFirst({ where: { id: sourceId }, select: { id: true, html: true, version: true } });
      if (!source) break;
      if (input.version !== undefined && input.version !== source.version) await conflict(db, sourceId);
      if (!mine.length) break;
      const html = removeLinks(source.html, mine.map((l) => l.linkId));
      const ok = await db.$transaction(async (tx) => {
        if (html !== source.html && !(await rewriteContentHtml(tx, sourceId, source.version, html))) return false;
        await tx.contentLink.updateMany({ where: { id: { in: mine.map((l) => l.id) }, status: "applied" }, data: { status: "removed", removedAt: new Date(), removedById: ctx.userId } });
        return true;
      });
      if (ok) {
        contents.push({ id: sourceId, version: html === source.html ? source.version : source.version + 1 });
        break;
      }
      if (input.version !== undefined || attempt >= 3) await conflict(db, sourceId);
    }
  }
  return { removed: open.length, contents, content: sourceIds.length === 1 ? await getContent(db, sourceIds[0]).catch(() => null) : null };
}

