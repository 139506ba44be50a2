// Two-way sync with WordPress. Pull: post types, categories, tags, and every post and page
// (any status but trash) into RemoteItem, so users see what the site already has and avoid
// duplicates. Edits made in WordPress are detected by modified date against what our last publish
// left (PublishingRecord.remoteModifiedAt) and shown (remoteChangedAt), never overwritten: the
// next publish of that article stops and asks for "overwrite". Push is the publisher's job.
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { ValidationError } from "@/lib/errors";
import type { Prisma, SiteIntegration } from "@/lib/generated/prisma/client";
import type { Paginated } from "@/lib/http/validation";
import { describeFailure } from "@/lib/failures";
import { jobs, startRun } from "@/lib/jobs/service";
import type { ListRemoteItemsQuery } from "./schemas";
import { findIntegration, wordpressAdapterFor } from "./service";

const MAX_PAGES = 50; // 5,000 posts and 5,000 pages per sync
const PER_PAGE = 100;

export type SyncStats = { posts: number; pages: number; categories: number; tags: number; postTypes: number; changed: number; linked: number };

type Item = { kind: string; remoteId: string; title: string; slug: string; url: string; status: string; modifiedAt: Date | null; data?: Record<string, unknown> };

export async function upsertRemoteItems(db: ScopedDb, integration: Pick<SiteIntegration, "id" | "siteId" | "accountId">, items: Item[], syncedAt: Date) {
  for (const item of items) {
    const fields = { title: item.title.slice(0, 500), slug: item.slug.slice(0, 200), url: item.url.slice(0, 1000), status: item.status, modifiedAt: item.modifiedAt, data: (item.data ?? {}) as Prisma.InputJsonValue, syncedAt };
    await db.remoteItem.upsert({
      where: { integrationId_kind_remoteId: { integrationId: integration.id, kind: item.kind, remoteId: item.remoteId } },
      create: { ...fields, accountId: integration.accountId, siteId: integration.siteId, integrationId: integration.id, kind: item.kind, remoteId: item.remoteId },
      update: fields,
    });
  }
}

/**
 * Marks the records whose remote post changed after our last write, and links remote posts to the
 * articles published as them. Returns how many records changed remotely.
 */
export async function detectRemoteChanges(db: ScopedDb, integrationIds: number[], siteId: number, posts: { remoteId: string; modifiedAt: Date | null; kind?: string }[]): Promise<{ changed: number; linked: number }> {
  if (!posts.length) return { changed: 0, linked: 0 };
  const records = await db.publishingRecord.findMany({
    where: { siteId, OR: [{ integrationId: { in: integrationIds } }, { destination: "bridge" }], remoteId: { in: posts.map((p) => p.remoteId) } },
    select: { id: true, remoteId: true, contentId: true, remoteModifiedAt: true, remoteChangedAt: true, integrationId: true },
  });
  let changed = 0;
  const byId = new Map(posts.map((p) => [p.remoteId, p]));
  for (const record of records) {
    const post = byId.get(record.remoteId!);
    if (!post?.modifiedAt || !record.remoteModifiedAt) continue;
    if (post.modifiedAt.getTime() > record.remoteModifiedAt.getTime() + 1_000) {
      changed++;
      if (!record.remoteChangedAt || record.remoteChangedAt.getTime() !== post.modifiedAt.getTime()) {
        await db.publishingRecord.update({ where: { id: record.id }, data: { remoteChangedAt: post.modifiedAt } });
      }
    }
  }
  let linked = 0;
  for (const record of records) {
    const result = await db.remoteItem.updateMany({ where: { integrationId: { in: integrationIds }, kind: { in: ["post", "page"] }, remoteId: record.remoteId!, contentId: null }, data: { contentId: record.contentId } });
    linked += result.count;
  }
  return { changed, linked };
}

/** The sync itself (the run's step, also callable directly). */
export async function syncIntegrationNow(db: ScopedDb, integrationId: number, onProgress?: (message: string) => Promise<void>): Promise<SyncStats> {
  const integration = await findIntegration(db, integrationId);
  const adapter = wordpressAdapterFor(integration);
  const started = new Date();
  await db.siteIntegration.update({ where: { id: integration.id }, data: { syncStatus: "syncing", syncError: null } });
  try {
    const [types, categories, tags] = await Promise.all([adapter.listPostTypes(), adapter.listCategories(), adapter.listTags()]);
    await upsertRemoteItems(db, integration, types.map((t) => ({ kind: "post_type", remoteId: t.slug, title: t.name, slug: t.slug, url: "", status: t.viewable ? "viewable" : "hidden", modifiedAt: null, data: { restBase: t.restBase, hierarchical: t.hierarchical } })), started);
    const terms = (kind: string, list: typeof categories) => list.map((t) => ({ kind, remoteId: t.id, title: t.name, slug: t.slug, url: "", status: "", modifiedAt: null, data: { parent: t.parent, count: t.count } }));
    await upsertRemoteItems(db, integration, [...terms("category", categories), ...terms("tag", tags)], started);
    await onProgress?.(`Pulled ${types.length} post types, ${categories.length} categories and ${tags.length} tags.`);
    const counts = { post: 0, page: 0 };
    const seen: { remoteId: string; modifiedAt: Date | null }[] = [];
    for (const type of ["posts", "pages"] as const) {
      const kind = type === "posts" ? "post" : "page";
      for (let page = 1; page <= MAX_PAGES; page++) {
        const result = await adapter.listPosts({ type, page, perPage: PER_PAGE });
        const items = result.items.map((p) => ({ kind, remoteId: p.id, title: p.title, slug: p.slug, url: p.link, status: p.status, modifiedAt: p.modified_gmt ? new Date(p.modified_gmt) : null }));
        await upsertRemoteItems(db, integration, items, started);
        counts[kind] += items.length;
        seen.push(...items);
        if (page >= result.totalPages || !result.items.length) break;
      }
      await onProgress?.(`Pulled ${counts.post} posts and ${counts.page} pages.`);
    }
    // What was not seen in this full pass no longer exists in WordPress (or is in the trash).
    await db.remoteItem.deleteMany({ where: { integrationId: integration.id, syncedAt: { lt: started } } });
    const { changed, linked } = await detectRemoteChanges(db, [integration.id], integration.siteId, seen);
    const stats: SyncStats = { posts: counts.post, pages: counts.page, categories: categories.length, tags: tags.length, postTypes: types.length, changed, linked };
    await db.siteIntegration.update({ where: { id: integration.id }, data: { syncStatus: "success", lastSyncAt: new Date(), syncError: null, syncStats: stats as Prisma.InputJsonValue } });
    return stats;
  } catch (error) {
    await db.siteIntegration.update({ where: { id: integration.id }, data: { syncStatus: "failed", syncError: describeFailure(error).message.slice(0, 2000) } });
    throw error;
  }
}

/** Starts the sync as a background run (progress in the UI); 202 with the run id over REST. */
export async function requestSync(db: ScopedDb, ctx: TenantContext, integrationId: number): Promise<{ runId: string }> {
  assertCan(ctx.role, "manageAccount");
  const integration = await findIntegration(db, integrationId);
  if (integration.platform !== "wordpress") throw new ValidationError("Only WordPress integrations can be synced.");
  if (!integration.isActive) throw new ValidationError("This integration is turned off: turn it on to sync.");
  const run = await startRun(ctx, jobs.syncIntegration, { integrationId }, { total: 3, message: "Syncing with WordPress…", siteId: integration.siteId });
  return { runId: run.id };
}

export async function syncHealth(db: ScopedDb, integrationId: number) {
  const integration = await findIntegration(db, integrationId);
  const [grouped, changed, failed, pending] = await Promise.all([
    db.remoteItem.groupBy({ by: ["kind"], where: { integrationId }, _count: { _all: true } }),
    db.publishingRecord.count({ where: { integrationId, remoteChangedAt: { not: null } } }),
    db.publishingRecord.count({ where: { integrationId, status: "failed" } }),
    db.publishingRecord.count({ where: { integrationId, status: { in: ["pending", "scheduled", "publishing"] } } }),
  ]);
  const count = (kind: string) => grouped.find((g) => g.kind === kind)?._count._all ?? 0;
  return {
    integrationId: integration.id,
    syncEnabled: integration.syncEnabled,
    syncStatus: integration.syncStatus,
    lastSyncAt: integration.lastSyncAt,
    syncError: integration.syncError,
    healthy: integration.syncStatus !== "failed" && failed === 0,
    counts: { posts: count("post"), pages: count("page"), categories: count("category"), tags: count("tag"), postTypes: count("post_type") },
    changedRemotely: changed,
    failedRecords: failed,
    pendingRecords: pending,
    lastStats: integration.syncStats,
    bridgeSeenAt: integration.bridgeSeenAt,
  };
}

export type RemoteItemDto = { id: number; kind: string; remoteId: string; title: string; slug: string; url: string; status: string; modifiedAt: Date | null; contentId: number | null; syncedAt: Date; changedRemotely: boolean };

export async function listRemoteItems(db: ScopedDb, integrationId: number, query: ListRemoteItemsQuery): Promise<Paginated<RemoteItemDto>> {
  await findIntegration(db, integrationId);
  const where: Prisma.RemoteItemWhereInput = {
    integrationId,
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.search ? { title: { contains: query.search, mode: "insensitive" } } : {}),
  };
  const [count, rows] = await Promise.all([
    db.remoteItem.count({ where }),
    db.remoteItem.findMany({ where, orderBy: [{ modifiedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  const changed = new Set(
    (await db.publishingRecord.findMany({ where: { integrationId, remoteChangedAt: { not: null }, remoteId: { in: rows.map((r) => r.remoteId) } }, select: { remoteId: true } })).map((r) => r.remoteId),
  );
  return {
    count,
    results: rows.map((r) => ({ id: r.id, kind: r.kind, remoteId: r.remoteId, title: r.title, slug: r.slug, url: r.url, status: r.status, modifiedAt: r.modifiedAt, contentId: r.contentId, syncedAt: r.syncedAt, changedRemotely: changed.has(r.remoteId) })),
  };
}
