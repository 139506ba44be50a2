// Restoring from the trash: the item becomes live again and the links set aside when it was
// trashed are put back where that still makes sense (the other side exists and is free). When the
// other side is in the trash itself, the link is handed to its entry, so restoring both, in either
// order, ends with the link back. Keywords, clusters and ideas count against the plan again, so a
// restore that would exceed a plan limit is refused as a whole, before anything changes.
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import type { TrashEntry } from "@/lib/generated/prisma/client";
import { recomputeClusterStats } from "@/lib/planner/cluster-stats";
import { assertWithinLimit, type LimitName } from "@/lib/plans/limits";
import { uniqueSlug } from "@/lib/utils/slug";
import { assertAllVisible } from "@/lib/writer/lookups";
import { placeImageInArticle } from "./article-images";
import { detailsOf, includingTrashed, onlyTrashed, patchEntryDetails, TRASH_TRANSACTION, type Db } from "./entries";
import { refreshHostedSites } from "./move";
import { TRASH_ITEM_TYPES, type TrashItemType } from "./types";

export type RestoreReport = { restored: number; byType: Partial<Record<TrashItemType, number>>; notes: string[] };

const LIMITS: Partial<Record<TrashItemType, LimitName>> = { keyword: "keywords", cluster: "clusters", idea: "contentIdeas" };

// Clusters before keywords and tasks before articles before images: each finds its other side live.
const ORDER: TrashItemType[] = ["cluster", "keyword", "idea", "task", "content", "image"];

export async function restoreTrash(db: ScopedDb, ctx: TenantContext, entryIds: number[]): Promise<RestoreReport> {
  assertCan(ctx.role, "write");
  const entries = await db.trashEntry.findMany({ where: { id: { in: entryIds } }, select: { id: true, accountId: true, itemType: true } });
  await assertAllVisible(entries.length, entryIds, "Trash item");
  for (const type of TRASH_ITEM_TYPES) {
    const limit = LIMITS[type];
    if (!limit) continue;
    const perAccount = new Map<number, number>();
    for (const e of entries) if (e.itemType === type) perAccount.set(e.accountId, (perAccount.get(e.accountId) ?? 0) + 1);
    for (const [accountId, n] of perAccount) await assertWithinLimit(accountId, limit, n);
  }
  const report: RestoreReport = { restored: 0, byType: {}, notes: [] };
  for (const type of ORDER) {
    const ids = entries.filter((e) => e.itemType === type).map((e) => e.id);
    if (!ids.length) continue;
    // Re-read: restoring an earlier group may have handed links to these entries.
    const fresh = await db.trashEntry.findMany({ where: { id: { in: ids } } });
    const restored = await RESTORERS[type](db, fresh, report);
    report.byType[type] = restored;
    report.restored += restored;
  }
  return report;
}

type Restorer = (db: ScopedDb, entries: TrashEntry[], report: RestoreReport) => Promise<number>;

/** Makes the entries' items live again; returns the ids that were restored. Entries go in the same transaction. */
async function revive(tx: Db, model: "keyword" | "cluster" | "contentIdea" | "task" | "content" | "image", entries: TrashEntry[]): Promise<Set<number>> {
  const where = { id: { in: entries.map((e) => e.itemId) }, ...onlyTrashed };
  const delegate = tx[model] as unknown as { updateManyAndReturn(args: unknown): Promise<{ id: number }[]> };
  const rows = await delegate.updateManyAndReturn({ where, data: { deletedAt: null }, select: { id: true } });
  await tx.trashEntry.deleteMany({ where: { id: { in: entries.map((e) => e.id) } } });
  return new Set(rows.map((r) => r.id));
}

const restoreKeywords: Restorer = async (db, entries) => {
  const touched: number[] = [];
  const restored = await db.$transaction(async (tx) => {
    const live = await revive(tx, "keyword", entries);
    const clusterIds = [...new Set(entries.flatMap((e) => detailsOf<"keyword">(e).clusterIds ?? []))];
    const clusters = await tx.cluster.findMany({ where: { id: { in: clusterIds }, ...includingTrashed }, select: { id: true, deletedAt: true } });
    const links: { keywordId: number; clusterId: number; accountId: number }[] = [];
    for (const entry of entries.filter((e) => live.has(e.itemId))) {
      for (const cluster of clusters.filter((c) => (detailsOf<"keyword">(entry).clusterIds ?? []).includes(c.id))) {
        if (cluster.deletedAt) await patchEntryDetails(tx, "cluster", cluster.id, (d) => ({ ...d, keywordIds: [...new Set([...(d.keywordIds ?? []), entry.itemId])] }));
        else links.push({ keywordId: entry.itemId, clusterId: cluster.id, accountId: entry.accountId });
      }
    }
    await tx.keywordCluster.createMany({ data: links, skipDuplicates: true });
    touched.push(...links.map((l) => l.clusterId));
    return live.size;
  }, TRASH_TRANSACTION);
  await recomputeClusterStats(db, touched);
  return restored;
};

const restoreClusters: Restorer = async (db, entries) => {
  const touched: number[] = [];
  const restored = await db.$transaction(async (tx) => {
    const live = await revive(tx, "cluster", entries);
    for (const entry of entries.filter((e) => live.has(e.itemId))) {
      const details = detailsOf<"cluster">(entry);
      const keywords = await tx.keyword.findMany({ where: { id: { in: details.keywordIds ?? [] }, ...includingTrashed }, select: { id: true, deletedAt: true } });
      for (const keyword of keywords.filter((k) => k.deletedAt)) {
        await patchEntryDetails(tx, "keyword", keyword.id, (d) => ({ ...d, clusterIds: [...new Set([...(d.clusterIds ?? []), entry.itemId])] }));
      }
      const liveKeywords = keywords.filter((k) => !k.deletedAt);
      await tx.keywordCluster.createMany({ data: liveKeywords.map((k) => ({ keywordId: k.id, clusterId: entry.itemId, accountId: entry.accountId })), skipDuplicates: true });
      // Ideas moved to another cluster meanwhile stay there.
      await tx.contentIdea.updateMany({ where: { id: { in: details.ideaIds ?? [] }, clusterId: null, ...includingTrashed }, data: { clusterId: entry.itemId } });
      touched.push(entry.itemId);
    }
    return live.size;
  }, TRASH_TRANSACTION);
  await recomputeClusterStats(db, touched);
  return restored;
};

const restoreIdeas: Restorer = async (db, entries) => db.$transaction(async (tx) => (await revive(tx, "contentIdea", entries)).size, TRASH_TRANSACTION);

const restoreTasks: Restorer = async (db, entries) =>
  db.$transaction(async (tx) => {
    const live = await revive(tx, "task", entries);
    for (const entry of entries.filter((e) => live.has(e.itemId))) {
      const { ideaId, ideaRequeued, contentId } = detailsOf<"task">(entry);
      if (ideaId) {
        const idea = await tx.contentIdea.findFirst({ where: { id: ideaId, ...includingTrashed }, select: { id: true, status: true, deletedAt: true } });
        const taken = idea ? await tx.task.count({ where: { ideaId, ...includingTrashed } }) : 1;
        if (idea && !taken) {
          await tx.task.update({ where: { id: entry.itemId }, data: { ideaId } });
          if (ideaRequeued && !idea.deletedAt && idea.status === "new") await tx.contentIdea.update({ where: { id: ideaId }, data: { status: "queued" } });
        }
      }
      if (contentId) await relinkArticle(tx, entry.itemId, contentId);
    }
    return live.size;
  }, TRASH_TRANSACTION);

/** Task ↔ article (one each): linked again when both are live and free; a trashed side gets the link in its entry. */
async function relinkArticle(tx: Db, taskId: number, contentId: number) {
  const [task, content] = await Promise.all([
    tx.task.findFirst({ where: { id: taskId, ...includingTrashed }, select: { id: true, deletedAt: true } }),
    tx.content.findFirst({ where: { id: contentId, ...includingTrashed }, select: { id: true, taskId: true, deletedAt: true } }),
  ]);
  if (!task || !content || content.taskId !== null) return;
  if (content.deletedAt) return patchEntryDetails(tx, "content", contentId, (d) => ({ ...d, taskId: d.taskId ?? taskId }));
  if (task.deletedAt) return patchEntryDetails(tx, "task", taskId, (d) => ({ ...d, contentId: d.contentId ?? contentId }));
  if (await tx.content.count({ where: { taskId, ...includingTrashed } })) return;
  await tx.content.update({ where: { id: contentId }, data: { taskId } });
}

const restoreContents: Restorer = async (db, entries, report) => {
  const restored = await db.$transaction(async (tx) => {
    const live = await revive(tx, "content", entries);
    for (const entry of entries.filter((e) => live.has(e.itemId))) {
      const { taskId, imageIds } = detailsOf<"content">(entry);
      // Only the images that went to the trash with the article (those trashed on their own have their own entries).
      await tx.image.updateMany({ where: { id: { in: imageIds ?? [] }, contentId: entry.itemId, ...onlyTrashed }, data: { deletedAt: null } });
      if (taskId) await relinkArticle(tx, taskId, entry.itemId);
      const content = await tx.content.findFirstOrThrow({ where: { id: entry.itemId }, select: { id: true, siteId: true, slug: true, title: true } });
      if (content.slug && (await tx.content.count({ where: { siteId: content.siteId, slug: content.slug, id: { not: content.id } } }))) {
        const slug = await uniqueSlug(content.slug, async (s) => (await tx.content.count({ where: { siteId: content.siteId, slug: s } })) > 0, "article");
        await tx.content.update({ where: { id: content.id }, data: { slug, version: { increment: 1 } } });
        report.notes.push(`“${content.title}” now has the slug “${slug}”: another article took “${content.slug}” while it was in the trash.`);
      }
    }
    return live;
  }, TRASH_TRANSACTION);
  await refreshHostedSites(db, [...restored]);
  return restored.size;
};

const restoreImages: Restorer = async (db, entries, report) => {
  const back: { imageId: number; contentId: number; section: number | null }[] = [];
  const restored = await db.$transaction(async (tx) => {
    const live = await revive(tx, "image", entries);
    for (const entry of entries.filter((e) => live.has(e.itemId))) {
      const { contentId, section } = detailsOf<"image">(entry);
      if (!contentId) continue;
      const content = await tx.content.findFirst({ where: { id: contentId, ...includingTrashed }, select: { id: true, deletedAt: true } });
      if (!content) continue;
      const image = await tx.image.findFirstOrThrow({ where: { id: entry.itemId }, select: { type: true } });
      // One featured image per article: a newer one keeps its place.
      const featuredTaken = image.type === "featured" && (await tx.image.count({ where: { contentId, type: "featured" } })) > 0;
      await tx.image.update({ where: { id: entry.itemId }, data: { contentId, ...(featuredTaken ? { type: "in_article" } : {}) } });
      if (!content.deletedAt) back.push({ imageId: entry.itemId, contentId, section: section ?? null });
      else report.notes.push(`“${entry.label}” is back with its article, which is still in the trash: restore the article to see it in place.`);
    }
    return live.size;
  }, TRASH_TRANSACTION);
  for (const { imageId, contentId, section } of back) {
    if (section === null) continue;
    const image = await db.image.findFirst({ where: { id: imageId }, select: { id: true, storageKey: true, altText: true, width: true, height: true } });
    if (image?.storageKey) await placeImageInArticle(db, contentId, { ...image, storageKey: image.storageKey, position: section });
  }
  return restored;
};

const RESTORERS: Record<TrashItemType, Restorer> = {
  keyword: restoreKeywords,
  cluster: restoreClusters,
  idea: restoreIdeas,
  task: restoreTasks,
  content: restoreContents,
  image: restoreImages,
};
