// The publisher: publish one article to several destinations, one PublishingRecord per
// destination (pending → publishing → published | failed; scheduled until its time), through a
// background run with retries; unpublish; list records. Adapters do the remote work.
import { assertCan } from "@/lib/auth/permissions";
import { scoped, type ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { AppError, ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma, PublishingRecord, SiteIntegration } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import { adapterFor, integrationLabel } from "@/lib/integration/service";
import { describeFailure } from "@/lib/failures";
import { jobs, startRun } from "@/lib/jobs/service";
import { slugify } from "@/lib/utils/slug";
import { isWordPressError, ShopifyError, WebhookError, type PublishingAdapter } from "./adapters";
import { deliveryIdFor, webhookAdapterFor } from "@/lib/integration/webhooks";
import { contentTypeDestinations } from "@/lib/sites/content-types";
import { HOSTED, integrationKey, listDestinations, resolveDestinations, type Destination } from "./destinations";
import { appBaseUrl } from "@/lib/http/origin";
import { emitContentPublished, revalidateHostedSite } from "./hooks";
import { createHostedAdapter } from "./hosted";
import { buildPublishInput, loadContentForPublish } from "./input";
import type { ListRecordsQuery, PublishRequest, UnpublishRequest } from "./schemas";
import { getPublishingSettings } from "./settings";

/** A record stuck in "publishing" longer than this (a crashed process) may be published again. */
const STALE_PUBLISHING_MS = 10 * 60_000;

export type RecordDto = Omit<PublishingRecord, "accountId"> & { destinationLabel: string; content?: { id: number; title: string; status: string } };

function label(record: Pick<PublishingRecord, "destination">, integration?: Pick<SiteIntegration, "platform" | "name" | "config"> | null): string {
  if (record.destination === "hosted") return "Hosted site";
  if (record.destination === "bridge") return "WordPress (bridge plugin)";
  return integration ? integrationLabel(integration) : record.destination;
}

export function toRecordDto(record: PublishingRecord & { integration?: SiteIntegration | null; content?: { id: number; title: string; status: string } }): RecordDto {
  const { accountId: _a, integration, ...rest } = record;
  return { ...rest, destinationLabel: label(record, integration) };
}

export async function listRecords(db: ScopedDb, query: ListRecordsQuery): Promise<Paginated<RecordDto>> {
  const where: Prisma.PublishingRecordWhereInput = {
    ...(query.siteId ? { siteId: query.siteId } : {}),
    ...(query.contentId ? { contentId: query.contentId } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.destination ? { destination: query.destination } : {}),
    // Records of articles in the trash leave the list with them.
    content: { deletedAt: null, ...(query.search ? { title: { contains: query.search, mode: "insensitive" as const } } : {}) },
  };
  const { field, direction } = parseOrdering(query.ordering, ["updatedAt", "createdAt", "publishedAt", "scheduledAt", "status"] as const, "-updatedAt");
  const [count, rows] = await Promise.all([
    db.publishingRecord.count({ where }),
    db.publishingRecord.findMany({
      where,
      include: { integration: true, content: { select: { id: true, title: true, status: true } } },
      orderBy: [{ [field]: field === "publishedAt" || field === "scheduledAt" ? { sort: direction, nulls: "last" } : direction }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return { count, results: rows.map(toRecordDto) };
}

export async function getRecord(db: ScopedDb, id: number): Promise<RecordDto> {
  const row = await db.publishingRecord.findFirst({ where: { id }, include: { integration: true, content: { select: { id: true, title: true, status: true } } } });
  if (!row) throw new NotFoundError("Publishing record");
  return toRecordDto(row);
}

/** Forgets a record (the remote post stays as it is). Not while it is being published. */
export async function deleteRecord(db: ScopedDb, ctx: TenantContext, id: number): Promise<void> {
  assertCan(ctx.role, "write");
  const row = await db.publishingRecord.findFirst({ where: { id }, select: { id: true, status: true } });
  if (!row) throw new NotFoundError("Publishing record");
  if (row.status === "publishing") throw new ConflictError("This record is being published; wait for it to finish.");
  await db.publishingRecord.delete({ where: { id } });
}

/** Replaces the article's categories and tags (ContentTaxonomyMap) with the given names. */
async function setContentTerms(db: ScopedDb, content: { id: number; siteId: number; sectorId: number; accountId: number }, input: { categories?: string[]; tags?: string[] }) {
  for (const [type, names] of [["category", input.categories], ["tag", input.tags]] as const) {
    if (!names) continue;
    const unique = [...new Map(names.map((n) => [slugify(n, 80) || n.toLowerCase(), n])).entries()];
    await db.contentTaxonomyMap.deleteMany({ where: { contentId: content.id, taxonomyType: type } });
    if (unique.length) {
      await db.contentTaxonomyMap.createMany({
        data: unique.map(([slug, name]) => ({ accountId: content.accountId, siteId: content.siteId, sectorId: content.sectorId, contentId: content.id, taxonomyType: type, name, slug })),
        skipDuplicates: true,
      });
    }
  }
}

export type PublishStarted = { runId: string | null; records: RecordDto[] };

/**
 * Records the publish of one article to its destinations and starts the run that does it. With
 * `scheduledAt`, records wait as "scheduled": WordPress gets the post now as `future` (WordPress
 * publishes it at that time itself); the hosted site and Shopify are published by the scheduler.
 */
export async function requestPublish(db: ScopedDb, ctx: TenantContext, input: PublishRequest): Promise<PublishStarted> {
  assertCan(ctx.role, "write");
  const content = await db.content.findFirst({ where: { id: input.contentId }, select: { id: true, accountId: true, siteId: true, sectorId: true, status: true, title: true } });
  if (!content) throw new NotFoundError("Content");
  if (content.status === "draft") throw new ValidationError("Send the article to review before publishing it.", { status: ["Publish after review."] });
  const settings = await getPublishingSettings(db, content.siteId);
  const keys = input.destinations ?? (await defaultDestinationsFor(db, content)) ?? settings.defaultDestinations;
  if (!keys.length) throw new ValidationError("Choose at least one destination.", { destinations: ["Choose at least one destination."] });
  const destinations = await resolveDestinations(db, content.siteId, keys);
  const busy = await db.publishingRecord.count({ where: { contentId: content.id, destinationKey: { in: destinations.map((d) => d.key) }, status: "publishing", updatedAt: { gt: new Date(Date.now() - STALE_PUBLISHING_MS) } } });
  if (busy) throw new ConflictError("This article is being published right now; wait for it to finish.");
  if (input.categories || input.tags) await setContentTerms(db, content, input);

  const scheduledAt = input.scheduledAt ?? null;
  const remoteStatus = input.status ?? settings.defaultStatus;
  const records: PublishingRecord[] = [];
  for (const destination of destinations) {
    const fields = { status: scheduledAt ? ("scheduled" as const) : ("pending" as const), remoteStatus, scheduledAt, error: null, warnings: [] as Prisma.InputJsonValue };
    records.push(
      await db.publishingRecord.upsert({
        where: { contentId_destinationKey: { contentId: content.id, destinationKey: destination.key } },
        create: { ...fields, accountId: content.accountId, siteId: content.siteId, sectorId: content.sectorId, contentId: content.id, destination: destination.kind, destinationKey: destination.key, integrationId: destination.integration?.id ?? null },
        update: fields,
      }),
    );
  }
  // Read before the run starts: the answer shows the records as requested, not wherever a fast worker has taken them.
  const rows = await db.publishingRecord.findMany({ where: { id: { in: records.map((r) => r.id) } }, include: { integration: true }, orderBy: { id: "asc" } });
  const now = records.filter((r) => !r.scheduledAt || r.destination === "wordpress").map((r) => r.id);
  const runId = now.length ? await startPublishRun(ctx, content, now, input.overwrite ?? false) : null;
  return { runId, records: rows.map(toRecordDto) };
}

/**
 * Where an article publishes when no destination is chosen: its content type's destinations
 * (Sites → Settings → Content types) that are still active, else null (the site's default destinations).
 */
export async function defaultDestinationsFor(db: ScopedDb, content: { id: number; siteId: number }): Promise<string[] | null> {
  const task = await db.task.findFirst({ where: { content: { id: content.id } }, select: { contentType: true } });
  const keys = await contentTypeDestinations(db, content.siteId, task?.contentType);
  if (!keys) return null;
  const available = new Set((await listDestinations(db, content.siteId)).map((d) => d.key));
  const usable = keys.filter((k) => available.has(k));
  return usable.length ? usable : null;
}

export async function startPublishRun(ctx: TenantContext, content: { siteId: number; sectorId: number; title?: string }, recordIds: number[], overwrite = false): Promise<string> {
  const run = await startRun(ctx, jobs.publishContent, { recordIds, overwrite }, {
    total: recordIds.length,
    message: content.title ? `Publishing "${content.title.slice(0, 60)}"…` : "Publishing…",
    siteId: content.siteId,
    sectorId: content.sectorId,
  });
  await scoped(ctx).publishingRecord.updateMany({ where: { id: { in: recordIds } }, data: { runId: run.id } });
  return run.id;
}

/** `publish_to_wordpress`: the given WordPress integration, or the site's first active one. */
export async function publishToWordPress(db: ScopedDb, ctx: TenantContext, contentId: number, input: { integrationId?: number; status?: "publish" | "draft"; scheduledAt?: Date | null; overwrite?: boolean }): Promise<PublishStarted> {
  const content = await db.content.findFirst({ where: { id: contentId }, select: { siteId: true } });
  if (!content) throw new NotFoundError("Content");
  const integration = await db.siteIntegration.findFirst({ where: { siteId: content.siteId, platform: "wordpress", isActive: true, ...(input.integrationId ? { id: input.integrationId } : {}) }, orderBy: { id: "asc" } });
  if (!integration) {
    if (input.integrationId) throw new NotFoundError("Integration");
    throw new ValidationError("This site has no active WordPress integration: add one under Integrations.");
  }
  return requestPublish(db, ctx, { contentId, destinations: [integrationKey(integration.id)], status: input.status, scheduledAt: input.scheduledAt, overwrite: input.overwrite });
}

export type RecordOutcome = { recordId: number; ok: boolean; status: string; error?: string; url?: string | null; skipped?: boolean };

function isRetryable(error: unknown): boolean {
  if (isWordPressError(error)) return error.retryable;
  if (error instanceof ShopifyError || error instanceof WebhookError) return error.retryable;
  if (error instanceof AppError) return false;
  return true; // unexpected (database, network): worth another try
}

/** What the record shows: integrations' and our typed errors say it in words; anything else (database, bugs) is never shown raw. */
function messageOf(error: unknown): string {
  return describeFailure(error).message.slice(0, 2000);
}

/** `attempt` (of the publishing run's item) and `runId` reach webhooks: one delivery id per run, attempts counted. */
async function adapterForRecord(db: ScopedDb, record: PublishingRecord & { integration: SiteIntegration | null }, site: { id: number; slug: string; accountId: number; isActive: boolean }, delivery: { runId?: string; attempt?: number } = {}): Promise<PublishingAdapter> {
  if (record.destination === HOSTED) return createHostedAdapter(db, site);
  if (!record.integration) throw new ValidationError("The integration of this destination was removed.");
  if (!record.integration.isActive) throw new ValidationError("The integration of this destination is turned off.");
  if (record.integration.platform === "custom") {
    return webhookAdapterFor(db, record.integration, { deliveryId: delivery.runId ? deliveryIdFor(delivery.runId, record.id) : undefined, attempt: delivery.attempt, contentId: record.contentId });
  }
  return adapterFor(record.integration, { publicBaseUrl: appBaseUrl() });
}

/**
 * Publishes one record (a step of the publishing run). Retryable failures (network, timeouts,
 * 5xx) are rethrown for the run to retry until `finalAttempt`; then, and for any other failure,
 * the record is marked failed with the error. Idempotent: the adapters find what an earlier,
 * interrupted attempt created.
 */
export async function executeRecord(db: ScopedDb, ctx: TenantContext, recordId: number, options: { overwrite?: boolean; finalAttempt?: boolean; attempt?: number; runId?: string } = {}): Promise<RecordOutcome> {
  const record = await db.publishingRecord.findFirst({ where: { id: recordId }, include: { integration: true } });
  if (!record) return { recordId, ok: false, status: "missing", error: "The publishing record no longer exists.", skipped: true };
  if (!["pending", "scheduled", "failed", "publishing"].includes(record.status)) return { recordId, ok: true, status: record.status, skipped: true };
  const now = new Date();
  const future = Boolean(record.scheduledAt && record.scheduledAt > now);
  if (future && record.destination !== "wordpress") return { recordId, ok: true, status: "scheduled", skipped: true };
  const site = await db.site.findFirst({ where: { id: record.siteId }, select: { id: true, slug: true, accountId: true, isActive: true } });
  if (!site) throw new NotFoundError("Site");
  await db.publishingRecord.update({ where: { id: recordId }, data: { status: "publishing", attempts: { increment: 1 }, lastAttemptAt: now } });
  try {
    const content = await loadContentForPublish(db, record.contentId);
    if (content.status === "draft") throw new ValidationError("The article went back to draft; it was not published.");
    const adapter = await adapterForRecord(db, record, site, { runId: options.runId, attempt: options.attempt });
    if (record.remoteId && record.remoteModifiedAt && record.destination !== HOSTED && !options.overwrite && adapter.fetchRemote) {
      const remote = await adapter.fetchRemote(record.remoteId);
      const remoteMs = remote ? Date.parse(remote.modifiedGmt) : NaN;
      if (remote && remote.status !== "trash" && remoteMs > record.remoteModifiedAt.getTime() + 1_000) {
        const error = `The post was edited on ${label(record, record.integration)} after the last publish (${remote.modifiedGmt}). Review the change there, then publish again with "overwrite" to replace it.`;
        await db.publishingRecord.update({ where: { id: recordId }, data: { status: "failed", error, remoteChangedAt: new Date(remoteMs) } });
        return { recordId, ok: false, status: "failed", error };
      }
    }
    const settings = await getPublishingSettings(db, record.siteId);
    const clusterId = content.clusters[0]?.clusterId;
    const cluster = clusterId ? await db.cluster.findFirst({ where: { id: clusterId }, select: { name: true } }) : null;
    const status = future ? "future" : (record.remoteStatus as "publish" | "draft");
    const result = await adapter.publish(
      buildPublishInput(content, {
        status,
        scheduledAtGmt: future ? record.scheduledAt! : undefined,
        remoteId: record.remoteId,
        knownMedia: (record.media ?? {}) as Record<string, string>,
        terms: { categoryMapping: settings.categoryMapping, defaultCategory: settings.defaultCategory, clusterName: cluster?.name },
      }),
    );
    const live = status === "publish";
    const publishedAt = live ? (record.status === "published" && record.publishedAt ? record.publishedAt : now) : record.publishedAt;
    await db.publishingRecord.update({
      where: { id: recordId },
      data: {
        status: future ? "scheduled" : "published",
        remoteId: result.remoteId,
        remoteUrl: result.url || null,
        media: result.media as Prisma.InputJsonValue,
        warnings: result.warnings as Prisma.InputJsonValue,
        remoteModifiedAt: result.modifiedGmt ? new Date(result.modifiedGmt) : now,
        remoteChangedAt: null,
        error: null,
        publishedAt,
        unpublishedAt: null,
      },
    });
    const externalIds = { ...((content.externalIds ?? {}) as Record<string, string>), [record.destinationKey]: result.remoteId };
    await db.content.update({
      where: { id: content.id },
      data: { externalIds, ...(live && content.status !== "published" ? { status: "published", publishedAt: content.publishedAt ?? now, version: { increment: 1 } } : {}) },
    });
    if (live && content.taskId) await db.task.updateMany({ where: { id: content.taskId, status: { not: "completed" } }, data: { status: "completed", error: null } });
    if (record.destination === HOSTED) await revalidateHostedSite(site.slug);
    if (live) {
      await emitContentPublished({ accountId: record.accountId, siteId: record.siteId, sectorId: record.sectorId, contentId: record.contentId, destination: record.destination, destinationKey: record.destinationKey, url: result.url || null, remoteId: result.remoteId, userId: ctx.userId });
    }
    return { recordId, ok: true, status: future ? "scheduled" : "published", url: result.url || null };
  } catch (error) {
    const message = messageOf(error);
    if (isRetryable(error) && !options.finalAttempt) {
      await db.publishingRecord.update({ where: { id: recordId }, data: { status: future ? "scheduled" : "pending", error: `${message} (will retry)` } });
      throw error;
    }
    await db.publishingRecord.update({ where: { id: recordId }, data: { status: "failed", error: message } });
    return { recordId, ok: false, status: "failed", error: message };
  }
}

export type UnpublishOutcome = { destinationKey: string; ok: boolean; error?: string };

/** Takes the article off its destinations (WordPress: back to draft, or trash with `delete`). */
export async function unpublishContent(db: ScopedDb, ctx: TenantContext, input: UnpublishRequest): Promise<{ results: UnpublishOutcome[]; records: RecordDto[] }> {
  assertCan(ctx.role, "write");
  const content = await db.content.findFirst({ where: { id: input.contentId }, select: { id: true, siteId: true } });
  if (!content) throw new NotFoundError("Content");
  const records = await db.publishingRecord.findMany({
    where: { contentId: content.id, status: { in: ["published", "scheduled", "failed", "pending"] }, ...(input.destinations ? { destinationKey: { in: input.destinations } } : {}) },
    include: { integration: true },
  });
  if (input.destinations) {
    const missing = input.destinations.filter((k) => !records.some((r) => r.destinationKey === k));
    if (missing.length) throw new ValidationError(`Not published to: ${missing.join(", ")}.`, { destinations: [`Not published to: ${missing.join(", ")}.`] });
  }
  const site = await db.site.findFirst({ where: { id: content.siteId }, select: { id: true, slug: true, accountId: true, isActive: true } });
  const results: UnpublishOutcome[] = [];
  for (const record of records) {
    try {
      if (record.remoteId && record.destination !== "bridge") {
        const adapter = await adapterForRecord(db, record, site!);
        await adapter.unpublish(record.remoteId, { delete: input.delete });
      }
      await db.publishingRecord.update({ where: { id: record.id }, data: { status: "unpublished", unpublishedAt: new Date(), error: null, scheduledAt: null } });
      if (record.destination === HOSTED) await revalidateHostedSite(site!.slug);
      results.push({ destinationKey: record.destinationKey, ok: true });
    } catch (error) {
      const message = messageOf(error);
      await db.publishingRecord.update({ where: { id: record.id }, data: { error: `Unpublish failed: ${message}` } });
      results.push({ destinationKey: record.destinationKey, ok: false, error: message });
    }
  }
  const rows = await db.publishingRecord.findMany({ where: { contentId: content.id }, include: { integration: true }, orderBy: { id: "asc" } });
  return { results, records: rows.map(toRecordDto) };
}

export type { Destination };
