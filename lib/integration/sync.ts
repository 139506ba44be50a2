// Two-way sync with WordPress and Shopify. Pull: each adapter's `listRemoteItems` (WordPress: post
// types, categories, tags, every post and page but trashed ones; Shopify: every article of the
// blog) into RemoteItem, so users see what the site already has and avoid duplicates. Edits made on
// the platform are detected by modified date against what our last publish left
// (PublishingRecord.remoteModifiedAt) and shown (remoteChangedAt), never overwritten: the next
// publish of that article stops and asks for "overwrite" (lib/publishing/service.ts executeRecord).
// Push is the publisher's job.
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { ValidationError } from "@/lib/errors";
import type { Prisma, SiteIntegration } from "@/lib/generated/prisma/client";
import type { Paginated } from "@/lib/http/validation";
import { describeFailure } from "@/lib/failures";
import { jobs, startRun } from "@/lib/jobs/service";
import { PUBLISHED_KINDS, type PublishingAdapter, type RemoteItemKind, type RemoteItemSummary } from "@/lib/publishing/adapters";
import type { ListRemoteItemsQuery } from "./schemas";
import { adapterFor, findIntegration } from "./service";

const KIND_STATS = { post: "posts", page: "pages", article: "articles", category: "categories", tag: "tags", post_type: "postTypes" } as const satisfies Record<RemoteItemKind, string>;
const KIND_LABELS: Record<RemoteItemKind, [one: string, many: string]> = { post: ["post", "posts"], page: ["page", "pages"], article: ["article", "articles"], category: ["category", "categories"], tag: ["tag", "tags"], post_type: ["post type", "post types"] };
const countOf = (n: number, kind: RemoteItemKind) => `${n} ${KIND_LABELS[kind][n === 1 ? 0 : 1]}`;
const PLATFORM_NAMES: Record<SiteIntegration["platform"], string> = { wordpress: "WordPress", shopify: "Shopify", custom: "the custom platform" };

type KindCounts = Record<(typeof KIND_STATS)[RemoteItemKind], number>;
export type SyncStats = KindCounts & { platform: string; changed: number; linked: number; /** "12 posts, 3 pages, …": what this platform has, for the UI and the run. */ summary: string; /** Kinds with more items than one sync pulls. */ truncated: RemoteItemKind[] };
export type SyncProgress = { done: number; total: number; message: string };
type SyncAdapter = PublishingAdapter & Required<Pick<PublishingAdapter, "listRemoteItems" | "remoteKinds">>;

export function platformName(platform: SiteIntegration["platform"]): string {
  return PLATFORM_NAMES[platform];
}

/** The adapter of an integration that can be synced (WordPress and Shopify), or a 400. */
export function syncAdapterFor(integration: SiteIntegration): SyncAdapter {
  if (integration.platform === "custom") throw new ValidationError("Custom integrations cannot be synced: they push and pull through the REST API.");
  const adapter = adapterFor(integration);
  if (!adapter.listRemoteItems || !adapter.remoteKinds) throw new ValidationError(`${platformName(integration.platform)} integrations cannot be synced.`);
  return adapter as SyncAdapter;
}

type Item = Omit<RemoteItemSummary, "kind"> & { kind: string };

/**
 * Stores a batch of pulled items, stamped `syncedAt` (the sweep removes what a full pass did not
 * stamp). Set-based, as a sync of thousands of unchanged items is the usual case: one read, one
 * insert of the new items, one stamp of the unchanged ones, an update per changed one.
 */
export async function upsertRemoteItems(db: ScopedDb, integration: Pick<SiteIntegration, "id" | "siteId" | "accountId">, items: Item[], syncedAt: Date) {
  const byKind = new Map<string, Item[]>();
  for (const item of items) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  for (const [kind, group] of byKind) {
    const existing = await db.remoteItem.findMany({
      where: { integrationId: integration.id, kind, remoteId: { in: group.map((i) => i.remoteId) } },
      select: { id: true, remoteId: true, title: true, slug: true, url: true, status: true, modifiedAt: true, data: true },
    });
    const rows = new Map(existing.map((row) => [row.remoteId, row]));
    const fresh: Prisma.RemoteItemCreateManyInput[] = [];
    const unchanged: number[] = [];
    for (const item of group) {
      const fields = { title: item.title.slice(0, 500), slug: item.slug.slice(0, 200), url: item.url.slice(0, 1000), status: item.status, modifiedAt: item.modifiedAt, data: (item.data ?? {}) as Prisma.InputJsonValue };
      const row = rows.get(item.remoteId);
      if (!row) fresh.push({ ...fields, syncedAt, accountId: integration.accountId, siteId: integration.siteId, integrationId: integration.id, kind, remoteId: item.remoteId });
      else if (sameFields(row, fields)) unchanged.push(row.id);
      else await db.remoteItem.update({ where: { id: row.id }, data: { ...fields, syncedAt } });
    }
    // skipDuplicates: the same item twice in a batch, or a sync running alongside, inserts it once.
    if (fresh.length) await db.remoteItem.createMany({ data: fresh, skipDuplicates: true });
    if (unchanged.length) await db.remoteItem.updateMany({ where: { id: { in: unchanged } }, data: { syncedAt } });
  }
}

type StoredFields = { title: string; slug: string; url: string; status: string; modifiedAt: Date | null; data: Prisma.JsonValue };

function sameFields(row: StoredFields, fields: Omit<StoredFields, "data"> & { data: Prisma.InputJsonValue }): boolean {
  return (
    row.title === fields.title &&
    row.slug === fields.slug &&
    row.url === fields.url &&
    row.status === fields.status &&
    (row.modifiedAt?.getTime() ?? null) === (fields.modifiedAt?.getTime() ?? null) &&
    canonical(row.data) === canonical(fields.data)
  );
}

/** JSON with sorted keys: jsonb hands keys back in its own order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  return JSON.stringify(value ?? null);
}

/**
 * Marks the records whose remote post changed after our last write, and links remote posts to the
 * articles published as them. Returns how many records changed remotely.
 */
export async function detectRemoteChanges(db: ScopedDb, integrationIds: number[], siteId: number, posts: { remoteId: string; modifiedAt: Date | null; kind?: string }[], options: { bridgeRecords?: boolean } = {}): Promise<{ changed: number; linked: number }> {
  if (!posts.length) return { changed: 0, linked: 0 };
  // Bridge records are WordPress posts of the same site: compared only with WordPress items.
  const bridge = options.bridgeRecords ?? true;
  const records = await db.publishingRecord.findMany({
    where: { siteId, OR: [{ integrationId: { in: integrationIds } }, ...(bridge ? [{ destination: "bridge" as const }] : [])], remoteId: { in: posts.map((p) => p.remoteId) } },
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
    const result = await db.remoteItem.updateMany({ where: { integrationId: { in: integrationIds }, kind: { in: [...PUBLISHED_KINDS] }, remoteId: record.remoteId!, contentId: null }, data: { contentId: record.contentId } });
    linked += result.count;
  }
  return { changed, linked };
}

/** The sync itself (the run's step, also callable directly). */
export async function syncIntegrationNow(db: ScopedDb, integrationId: number, onProgress?: (progress: SyncProgress) => Promise<void>): Promise<SyncStats> {
  const integration = await findIntegration(db, integrationId);
  const adapter = syncAdapterFor(integration);
  const total = adapter.remoteKinds.length + 1;
  const started = new Date();
  await db.siteIntegration.update({ where: { id: integration.id }, data: { syncStatus: "syncing", syncError: null } });
  try {
    const counts = Object.fromEntries(Object.values(KIND_STATS).map((field) => [field, 0])) as KindCounts;
    const seen: { remoteId: string; modifiedAt: Date | null }[] = [];
    const truncated: RemoteItemKind[] = [];
    let done = 0;
    for await (const batch of adapter.listRemoteItems()) {
      await upsertRemoteItems(db, integration, batch.items, started);
      counts[KIND_STATS[batch.kind]] += batch.items.length;
      if (PUBLISHED_KINDS.includes(batch.kind)) seen.push(...batch.items);
      if (batch.truncated) truncated.push(batch.kind);
      if (batch.done) done++;
      await onProgress?.({ done, total, message: `Pulled ${countOf(counts[KIND_STATS[batch.kind]], batch.kind)}${batch.done ? "" : " so far"}.` });
    }
    // What was not seen in this full pass no longer exists on the platform (or is in the trash);
    // a kind cut off at the sync's limit keeps what it did not reach.
    await db.remoteItem.deleteMany({ where: { integrationId: integration.id, syncedAt: { lt: started }, ...(truncated.length ? { kind: { notIn: truncated } } : {}) } });
    const { changed, linked } = await detectRemoteChanges(db, [integration.id], integration.siteId, seen, { bridgeRecords: integration.platform === "wordpress" });
    const summary = adapter.remoteKinds.map((kind) => countOf(counts[KIND_STATS[kind]], kind)).join(", ");
    const stats: SyncStats = { platform: platformName(integration.platform), ...counts, changed, linked, summary, truncated };
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
  const adapter = syncAdapterFor(integration);
  if (!integration.isActive) throw new ValidationError("This integration is turned off: turn it on to sync.");
  const run = await startRun(ctx, jobs.syncIntegration, { integrationId }, { total: adapter.remoteKinds.length + 1, message: `Syncing with ${platformName(integration.platform)}…`, siteId: integration.siteId });
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
    platform: integration.platform,
    syncEnabled: integration.syncEnabled,
    syncStatus: integration.syncStatus,
    lastSyncAt: integration.lastSyncAt,
    syncError: integration.syncError,
    healthy: integration.syncStatus !== "failed" && failed === 0,
    counts: { posts: count("post"), pages: count("page"), articles: count("article"), categories: count("category"), tags: count("tag"), postTypes: count("post_type") },
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
