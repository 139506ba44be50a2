// Moving items to the trash. A trashed row keeps its place in its table (deletedAt set, so scoped
// reads skip it) and gets a TrashEntry. Links that a live list could follow to it are set aside in
// the entry's details (restore puts them back), so nothing live ever shows a trashed row:
//   keyword  its cluster memberships                  cluster  its keyword memberships, its ideas' clusterId
//   task     its idea (back to "new") and its article  content  its task; its images go to the trash with it
//   image    its article (and its place in the article's HTML)
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { recomputeClusterStats } from "@/lib/planner/cluster-stats";
import { revalidateHostedSite } from "@/lib/publishing/hooks";
import { unpublishContent } from "@/lib/publishing/service";
import { assertAllVisible, plural } from "@/lib/writer/lookups";
import { imageSections, removeImageFromArticle } from "./article-images";
import { includingTrashed, recordEntries, TRASH_TRANSACTION } from "./entries";
import type { PublishedCopiesChoice } from "./types";

export async function trashKeywords(db: ScopedDb, ctx: TenantContext, ids: number[]): Promise<number> {
  assertCan(ctx.role, "write");
  const rows = await db.keyword.findMany({ where: { id: { in: ids } }, select: { id: true, accountId: true, siteId: true, sectorId: true, keyword: true, clusters: { select: { clusterId: true } } } });
  if (!rows.length) throw new NotFoundError("Keyword");
  const now = new Date();
  const trashed = await db.$transaction(async (tx) => {
    const moved = new Set((await tx.keyword.updateManyAndReturn({ where: { id: { in: rows.map((r) => r.id) }, deletedAt: null }, data: { deletedAt: now }, select: { id: true } })).map((k) => k.id));
    const items = rows.filter((r) => moved.has(r.id));
    await tx.keywordCluster.deleteMany({ where: { keywordId: { in: [...moved] } } });
    await recordEntries(tx, ctx, "keyword", items.map((r) => ({ ...r, label: r.keyword, details: { clusterIds: r.clusters.map((c) => c.clusterId) } })), now);
    return items;
  }, TRASH_TRANSACTION);
  await recomputeClusterStats(db, trashed.flatMap((k) => k.clusters.map((c) => c.clusterId)));
  return trashed.length;
}

export async function trashClusters(db: ScopedDb, ctx: TenantContext, ids: number[]): Promise<number> {
  assertCan(ctx.role, "write");
  const rows = await db.cluster.findMany({ where: { id: { in: ids } }, select: { id: true, accountId: true, siteId: true, sectorId: true, name: true, keywords: { select: { keywordId: true } } } });
  if (!rows.length) throw new NotFoundError("Cluster");
  const now = new Date();
  return db.$transaction(async (tx) => {
    const moved = new Set((await tx.cluster.updateManyAndReturn({ where: { id: { in: rows.map((r) => r.id) }, deletedAt: null }, data: { deletedAt: now }, select: { id: true } })).map((c) => c.id));
    // Trashed ideas too: their cluster is set aside with the cluster, not with them.
    const ideas = await tx.contentIdea.findMany({ where: { clusterId: { in: [...moved] }, ...includingTrashed }, select: { id: true, clusterId: true } });
    await tx.contentIdea.updateMany({ where: { id: { in: ideas.map((i) => i.id) }, ...includingTrashed }, data: { clusterId: null } });
    await tx.keywordCluster.deleteMany({ where: { clusterId: { in: [...moved] } } });
    const items = rows.filter((r) => moved.has(r.id));
    await recordEntries(
      tx,
      ctx,
      "cluster",
      items.map((r) => ({ ...r, label: r.name, details: { keywordIds: r.keywords.map((k) => k.keywordId), ideaIds: ideas.filter((i) => i.clusterId === r.id).map((i) => i.id) } })),
      now,
    );
    return items.length;
  }, TRASH_TRANSACTION);
}

export async function trashIdeas(db: ScopedDb, ctx: TenantContext, ids: number[]): Promise<number> {
  assertCan(ctx.role, "write");
  const rows = await db.contentIdea.findMany({ where: { id: { in: ids } }, select: { id: true, accountId: true, siteId: true, sectorId: true, title: true } });
  if (!rows.length) throw new NotFoundError("Idea");
  const now = new Date();
  return db.$transaction(async (tx) => {
    const moved = new Set((await tx.contentIdea.updateManyAndReturn({ where: { id: { in: rows.map((r) => r.id) }, deletedAt: null }, data: { deletedAt: now }, select: { id: true } })).map((i) => i.id));
    const items = rows.filter((r) => moved.has(r.id));
    await recordEntries(tx, ctx, "idea", items.map((r) => ({ ...r, label: r.title, details: {} })), now);
    return items.length;
  }, TRASH_TRANSACTION);
}

/** Tasks: their articles stay (unlinked) and their ideas go back to "new", so they can be queued again. */
export async function trashTasks(db: ScopedDb, ctx: TenantContext, ids: number[]): Promise<{ deleted: number }> {
  assertCan(ctx.role, "write");
  const rows = await db.task.findMany({ where: { id: { in: ids } }, select: { id: true, accountId: true, siteId: true, sectorId: true, title: true, ideaId: true, content: { select: { id: true } } } });
  await assertAllVisible(rows.length, ids, "Task");
  const now = new Date();
  const deleted = await db.$transaction(async (tx) => {
    const moved = new Set((await tx.task.updateManyAndReturn({ where: { id: { in: rows.map((r) => r.id) }, deletedAt: null }, data: { deletedAt: now, ideaId: null }, select: { id: true } })).map((t) => t.id));
    const items = rows.filter((r) => moved.has(r.id));
    await tx.content.updateMany({ where: { taskId: { in: [...moved] } }, data: { taskId: null } });
    const ideaIds = items.map((t) => t.ideaId).filter((id): id is number => id !== null);
    const requeued = new Set((await tx.contentIdea.updateManyAndReturn({ where: { id: { in: ideaIds }, status: "queued" }, data: { status: "new" }, select: { id: true } })).map((i) => i.id));
    await recordEntries(
      tx,
      ctx,
      "task",
      items.map((t) => ({ ...t, label: t.title, details: { ideaId: t.ideaId, ideaRequeued: t.ideaId !== null && requeued.has(t.ideaId), contentId: t.content?.id ?? null } })),
      now,
    );
    return items.length;
  }, TRASH_TRANSACTION);
  return { deleted };
}

export type PublishedCopy = { contentId: number; title: string; destinations: string[] };

/** The live copies (published, scheduled or on a destination) of these articles, for the "what about its copies?" question. */
export async function publishedCopiesOf(db: ScopedDb, ids: number[]): Promise<PublishedCopy[]> {
  const records = await db.publishingRecord.findMany({
    where: { contentId: { in: ids }, OR: [{ status: { in: ["published", "scheduled", "publishing"] } }, { remoteId: { not: null }, status: { not: "unpublished" } }] },
    select: { contentId: true, destination: true, destinationKey: true, integration: { select: { name: true, platform: true } } },
    orderBy: { id: "asc" },
  });
  if (!records.length) return [];
  const titles = new Map((await db.content.findMany({ where: { id: { in: [...new Set(records.map((r) => r.contentId))] } }, select: { id: true, title: true } })).map((c) => [c.id, c.title]));
  const byContent = new Map<number, PublishedCopy>();
  for (const r of records) {
    if (!titles.has(r.contentId)) continue;
    const copy = byContent.get(r.contentId) ?? { contentId: r.contentId, title: titles.get(r.contentId)!, destinations: [] };
    copy.destinations.push(r.destination === "hosted" ? "Hosted site" : r.integration?.name || r.integration?.platform || r.destination);
    byContent.set(r.contentId, copy);
  }
  return [...byContent.values()];
}

export type TrashContentsResult = { deleted: number; unpublished: number; unpublishFailures: { contentId: number; destinationKey: string; error: string }[] };

/**
 * Articles go to the trash with their images. Published ones must say what happens to their
 * published copies: "unpublish" takes them off every destination first (WordPress: back to draft),
 * "keep" leaves them where they are. Either way the hosted site stops showing a trashed article.
 */
export async function trashContents(db: ScopedDb, ctx: TenantContext, ids: number[], options: { publishedCopies?: PublishedCopiesChoice } = {}): Promise<TrashContentsResult> {
  assertCan(ctx.role, "write");
  const rows = await db.content.findMany({ where: { id: { in: ids } }, select: { id: true, accountId: true, siteId: true, sectorId: true, title: true, taskId: true } });
  await assertAllVisible(rows.length, ids, "Content");
  const copies = await publishedCopiesOf(db, ids);
  if (copies.length && !options.publishedCopies) {
    const message = `${plural(copies.length, "article is", "articles are")} published: choose "unpublish" to take the published copies down, or "keep" to leave them as they are.`;
    throw new ValidationError(message, { publishedCopies: [message] });
  }
  const result: TrashContentsResult = { deleted: 0, unpublished: 0, unpublishFailures: [] };
  const unpublish = options.publishedCopies === "unpublish";
  if (unpublish) {
    for (const copy of copies) {
      const { results } = await unpublishContent(db, ctx, { contentId: copy.contentId });
      for (const r of results) {
        if (r.ok) result.unpublished++;
        else result.unpublishFailures.push({ contentId: copy.contentId, destinationKey: r.destinationKey, error: r.error ?? "Unpublish failed." });
      }
    }
  }
  const now = new Date();
  result.deleted = await db.$transaction(async (tx) => {
    const moved = new Set((await tx.content.updateManyAndReturn({ where: { id: { in: rows.map((r) => r.id) }, deletedAt: null }, data: { deletedAt: now, taskId: null }, select: { id: true } })).map((c) => c.id));
    const images = await tx.image.findMany({ where: { contentId: { in: [...moved] } }, select: { id: true, contentId: true } });
    await tx.image.updateMany({ where: { id: { in: images.map((i) => i.id) }, deletedAt: null }, data: { deletedAt: now } });
    const items = rows.filter((r) => moved.has(r.id));
    const withCopies = new Set(copies.map((c) => c.contentId));
    await recordEntries(
      tx,
      ctx,
      "content",
      items.map((c) => ({ ...c, label: c.title, details: { taskId: c.taskId, imageIds: images.filter((i) => i.contentId === c.id).map((i) => i.id), unpublished: unpublish && withCopies.has(c.id) } })),
      now,
    );
    return items.length;
  }, TRASH_TRANSACTION);
  await refreshHostedSites(db, ids);
  return result;
}

/** The hosted site stops (or starts again) showing these articles: drop its cached pages. */
export async function refreshHostedSites(db: Pick<ScopedDb, "hostedPost" | "site">, contentIds: number[]) {
  const posts = await db.hostedPost.findMany({ where: { contentId: { in: contentIds } }, select: { siteId: true }, distinct: ["siteId"] });
  if (!posts.length) return;
  const sites = await db.site.findMany({ where: { id: { in: posts.map((p) => p.siteId) } }, select: { slug: true } });
  for (const site of sites) await revalidateHostedSite(site.slug);
}

/** Images leave their article (and its HTML); restoring puts them back. */
export async function trashImages(db: ScopedDb, ctx: TenantContext, ids: number[]): Promise<{ deleted: number }> {
  assertCan(ctx.role, "write");
  const rows = await db.image.findMany({ where: { id: { in: ids } }, select: { id: true, accountId: true, siteId: true, sectorId: true, contentId: true, altText: true, prompt: true, type: true } });
  await assertAllVisible(rows.length, ids, "Image");
  const sections = await imageSections(db, rows.map((r) => r.contentId).filter((id): id is number => id !== null));
  const now = new Date();
  const items = await db.$transaction(async (tx) => {
    const moved = new Set((await tx.image.updateManyAndReturn({ where: { id: { in: rows.map((r) => r.id) }, deletedAt: null }, data: { deletedAt: now, contentId: null }, select: { id: true } })).map((i) => i.id));
    const trashed = rows.filter((r) => moved.has(r.id));
    await recordEntries(
      tx,
      ctx,
      "image",
      trashed.map((i) => ({ ...i, label: i.altText || i.prompt || `${i.type === "featured" ? "Featured image" : "Image"} #${i.id}`, details: { contentId: i.contentId, section: sections.get(`${i.contentId}:${i.id}`) ?? null } })),
      now,
    );
    return trashed;
  }, TRASH_TRANSACTION);
  for (const image of items) if (image.contentId) await removeImageFromArticle(db, image.contentId, image.id);
  return { deleted: items.length };
}
